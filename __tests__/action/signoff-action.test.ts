// Verified sign-off through the Action's composition root in-process (the bundle's wiring is the
// smoke tests' job) against the local GitHub that checks every request against the official
// OpenAPI description: the first example on a real pull-request
// checkout (a base commit, the PR head, the merge commit the runner checks out).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../support/demo-repo.js';
import { FakeGitHub } from '../github/fake-github.js';
import { fixturePayload, runActionInProcess as runAction } from './run-action.js';
import { headSha } from '../support/git-head.js';
import { execFileSync } from '../support/shell-sync.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PRODUCER = 'd.producer-release-manager';
const CONSUMER = 'a.consumer-release-manager';
const RECORD = 'docs/implementation/JOINT_DECISION_RECORD.json';
const CONFIG = '.github/cutover-checkpoint.yml';
let gh: FakeGitHub;
let dirs: string[] = [];

beforeEach(async () => {
  gh = await new FakeGitHub().start();
});
afterEach(async () => {
  for (const request of gh.requests) {
    expect(request.errors, request.operation).toEqual([]);
    expect(request.responseErrors, `response to ${request.operation}`).toEqual([]);
  }
  await gh.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.invalid',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd },
  )
    .toString()
    .trim();
}

/**
 * The example as a repository whose base commit may carry a policy edit, plus a pull request
 * (with `change` applied to its tree) merged into a merge commit, checked out as the runner does.
 */
function pullRequestCheckout(options: {
  basePolicy?: (config: string) => string;
  change?: (dir: string) => void;
}): { dir: string; base: string; head: string; merge: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'cc-signoff-')), 'repo');
  dirs.push(join(dir, '..'));
  buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), dir);
  if (options.basePolicy) {
    const path = join(dir, CONFIG);
    writeFileSync(path, options.basePolicy(readFileSync(path, 'utf8')));
    git(dir, 'commit', '-qam', 'policy');
  }
  const base = headSha(dir);
  git(dir, 'checkout', '-qb', 'cutover-pr');
  options.change?.(dir);
  git(dir, 'commit', '-qam', 'cutover PR', '--allow-empty');
  const head = headSha(dir);
  git(dir, 'checkout', '-q', '--detach', base);
  git(dir, 'merge', '-q', '--no-ff', '-m', 'merge', head);
  return { dir, base, head, merge: headSha(dir) };
}

async function runPullRequest(checkout: {
  dir: string;
  base: string;
  head: string;
  merge: string;
}) {
  const payload = fixturePayload('pull_request.synchronize.json') as {
    pull_request: { number: number; head: { sha: string }; base: { sha: string } };
  };
  payload.pull_request.head.sha = checkout.head;
  payload.pull_request.base.sha = checkout.base;
  const run = await runAction({
    workspace: checkout.dir,
    apiUrl: gh.url,
    event: 'pull_request',
    payload,
    sha: checkout.merge,
    inputs: { decision: 'cutover' },
  });
  const record = JSON.parse(readFileSync(run.outputs.record!, 'utf8')) as {
    checks: { id: string; status: string; summary: string; details: string[] }[];
    joint_decision: {
      verified: Record<string, { role: string; signer: string; source: string; url?: string }[]>;
    };
  };
  const check = (id: string) => record.checks.find((c) => c.id === id)!;
  return { run, record, check };
}

function editRecord(dir: string, edit: (record: Record<string, Record<string, unknown>>) => void) {
  const path = join(dir, RECORD);
  const record = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>>;
  edit(record);
  writeFileSync(path, JSON.stringify(record, null, 2) + '\n');
}

const slot = (signedBy: string, at: string) => ({
  decision: 'GO',
  signed_by: signedBy,
  signed_at: at,
});

describe('verified sign-off on a cutover pull request', () => {
  it('APPROVED reviews by the producer and consumer signers on the head sha make cutover GO', async () => {
    const checkout = pullRequestCheckout({});
    gh.reviews.set(2, [
      { login: PRODUCER, state: 'APPROVED', commitId: checkout.head },
      { login: 'a-colleague', state: 'COMMENTED', commitId: checkout.head },
      { login: CONSUMER, state: 'APPROVED', commitId: checkout.head },
    ]);
    const { run, record, check } = await runPullRequest(checkout);
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'GO', rehearsal: 'GO', cutover: 'GO' });
    expect(check('joint-decision.cutover')).toMatchObject({
      status: 'pass',
      summary: expect.stringContaining(
        `signed GO for cutover (verified by GitHub) by producer (${PRODUCER}, review https://github.example/Codertocat/Hello-World/pull/2#pullrequestreview-1)`,
      ),
    });
    expect(record.joint_decision.verified.cutover).toEqual([
      expect.objectContaining({ role: 'producer', signer: PRODUCER, source: 'review' }),
      expect.objectContaining({ role: 'consumer', signer: CONSUMER, source: 'review' }),
    ]);
    expect(run.summary).toContain(
      `GO (runtime cutover) — approved by ${CONSUMER} on GitHub (review <https://github.example/Codertocat/Hello-World/pull/2#pullrequestreview-3>)`,
    );
    const ops = gh.requests.map((r) => r.operation);
    expect(ops).toContain('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews');
    expect(ops).toContain('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals');
    expect(gh.requests.find((r) => r.operation.endsWith('/approvals'))!.path).toBe(
      '/repos/Codertocat/Hello-World/actions/runs/42/approvals',
    );
  });

  it('a review on an older sha, a login not in the list, one login for both roles: NO-GO, naming why', async () => {
    // The base policy lets the producer signer sign the consumer role too.
    const checkout = pullRequestCheckout({
      basePolicy: (config) =>
        config.replace(`consumer: [${CONSUMER}]`, `consumer: [${CONSUMER}, ${PRODUCER}]`),
    });
    gh.reviews.set(2, [
      { login: PRODUCER, state: 'APPROVED', commitId: checkout.head },
      { login: CONSUMER, state: 'APPROVED', commitId: checkout.base },
      { login: 'mallory', state: 'APPROVED', commitId: checkout.head },
    ]);
    const { run, check } = await runPullRequest(checkout);
    expect(run.status, run.stdout).toBe(1);
    expect(run.outputs.cutover).toBe('NO-GO');
    const cutover = check('joint-decision.cutover');
    expect(cutover.status).toBe('fail');
    expect(cutover.summary).toContain('is unsigned for cutover by consumer');
    expect(cutover.details).toEqual(
      expect.arrayContaining([
        `unsigned: ${PRODUCER} may sign consumer but already signs another role; one person signs at most one role`,
        `${CONSUMER} approved commit ${checkout.base.slice(0, 12)}, not the head ${checkout.head.slice(0, 12)} of #2: approve again after the last push`,
      ]),
    );
    expect(JSON.stringify(cutover)).not.toContain('mallory');
  });

  it('the joint record edited in the PR (unknown name, 2099, 2020, one login for both roles) is not GO', async () => {
    const checkout = pullRequestCheckout({
      change: (dir) =>
        editRecord(dir, (record) => {
          record.decisions!.rehearsal = {
            producer: slot(PRODUCER, '2099-01-01T00:00:00Z'),
            consumer: slot('mallory', '2026-02-08T10:00:00Z'),
          };
          record.decisions!.cutover = {
            producer: slot(PRODUCER, '2020-01-01T00:00:00Z'),
            consumer: slot(PRODUCER, '2026-02-08T10:00:00Z'),
          };
        }),
    });
    const { run, check } = await runPullRequest(checkout);
    expect(run.status, run.stdout).toBe(1);
    expect(run.outputs).toMatchObject({ rehearsal: 'NO-GO', cutover: 'NO-GO' });
    const rehearsal = check('joint-decision.rehearsal');
    expect(rehearsal.status).toBe('fail');
    expect(rehearsal.summary).toContain('producer signed_at 2099-01-01T00:00:00Z is in the future');
    expect(rehearsal.summary).toContain("consumer signed_by 'mallory' is not an allowed signer");
    // Cutover is vouched for by GitHub, and GitHub shows no approval: the file's claims do not count.
    const cutover = check('joint-decision.cutover');
    expect(cutover.status).toBe('fail');
    expect(cutover.details.join('\n')).toContain(
      `the record names ${PRODUCER} for producer, but GitHub shows no approval by an allowed signer`,
    );
  });

  it('file-verified: one login for both roles, or a date before the release commit, fails', async () => {
    const checkout = pullRequestCheckout({
      basePolicy: (config) =>
        config
          .replace('cutover: github }', 'cutover: file }')
          .replace(`consumer: [${CONSUMER}]`, `consumer: [${CONSUMER}, ${PRODUCER}]`),
      change: (dir) =>
        editRecord(dir, (record) => {
          record.decisions!.rehearsal = {
            producer: slot(PRODUCER, '2026-02-08T10:00:00Z'),
            consumer: slot(CONSUMER, '2020-01-01T00:00:00Z'),
          };
          record.decisions!.cutover = {
            producer: slot(PRODUCER, '2026-02-08T10:00:00Z'),
            consumer: slot(PRODUCER, '2026-02-08T10:00:00Z'),
          };
        }),
    });
    const { run, check } = await runPullRequest(checkout);
    expect(run.status, run.stdout).toBe(1);
    expect(check('joint-decision.rehearsal').summary).toMatch(
      /consumer signed_at 2020-01-01T00:00:00Z is before the release commit of v0\.3\.2 \(2026-02-07T12:00:00\.000Z\)/,
    );
    expect(check('joint-decision.cutover').summary).toContain(
      `${PRODUCER} signed both producer and consumer; one person signs at most one role`,
    );
  });
});

describe('verified sign-off on push', () => {
  it("counts the reviews of the merged PR whose merge commit is HEAD, on that PR's final head", async () => {
    const checkout = pullRequestCheckout({});
    gh.associatedPulls = [
      {
        number: 9,
        state: 'closed',
        merged: { mergeCommitSha: checkout.merge, headSha: checkout.head },
      },
    ];
    gh.reviews.set(9, [
      { login: PRODUCER, state: 'APPROVED', commitId: checkout.head },
      { login: CONSUMER, state: 'APPROVED', commitId: checkout.head },
    ]);
    // The merge commit is the default branch's tip: judged under its own policy (SPEC §10).
    gh.branchTips.set('master', checkout.merge);
    const run = await runAction({
      workspace: checkout.dir,
      apiUrl: gh.url,
      event: 'push',
      payload: { ...fixturePayload('push.json'), after: checkout.merge },
      sha: checkout.merge,
      inputs: { decision: 'cutover' },
    });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs.cutover).toBe('GO');
    expect(gh.requests.find((r) => r.operation.endsWith('/reviews'))!.path).toBe(
      '/repos/Codertocat/Hello-World/pulls/9/reviews',
    );
  });
});

describe('verified sign-off on workflow_run', () => {
  /** A workflow_run about `judged` whose payload lists PR #2 with its head at `listedHead`. */
  async function runWorkflowRun(dir: string, judged: string, listedHead: string) {
    const payload = fixturePayload('workflow_run.completed.json') as {
      repository: { full_name: string; default_branch: string };
      workflow_run: {
        event: string;
        head_sha: string;
        repository: { full_name: string };
        head_repository: { full_name: string };
        pull_requests: { head: { sha: string } }[];
      };
    };
    payload.repository.default_branch = 'master';
    payload.workflow_run.event = 'pull_request';
    payload.workflow_run.repository.full_name = payload.repository.full_name;
    payload.workflow_run.head_repository.full_name = payload.repository.full_name;
    payload.workflow_run.head_sha = judged;
    payload.workflow_run.pull_requests[0]!.head.sha = listedHead;
    return runAction({
      workspace: dir,
      apiUrl: gh.url,
      event: 'workflow_run',
      payload,
      sha: judged,
      inputs: { decision: 'cutover' },
    });
  }

  it('approvals count on the commit the run is about, not on the head the payload lists', async () => {
    const { dir, base, head } = pullRequestCheckout({});
    gh.branchTips.set('master', base);
    git(dir, 'checkout', '-q', '--detach', head);
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'a later push to the PR');
    const later = headSha(dir);
    git(dir, 'checkout', '-q', '--detach', head);
    const approvals = (commitId: string) => [
      { login: PRODUCER, state: 'APPROVED', commitId },
      { login: CONSUMER, state: 'APPROVED', commitId },
    ];
    // Control: approved on the judged commit.
    gh.reviews.set(2, approvals(head));
    const control = await runWorkflowRun(dir, head, later);
    expect(control.outputs.cutover, control.summary).toBe('GO');
    // Approved on the later commit the payload lists: they do not sign the judged one.
    gh.reviews.set(2, approvals(later));
    const run = await runWorkflowRun(dir, head, later);
    expect(run.outputs.cutover).toBe('NO-GO');
    const record = JSON.parse(readFileSync(run.outputs.record!, 'utf8')) as {
      checks: { id: string; details: string[] }[];
    };
    expect(record.checks.find((c) => c.id === 'joint-decision.cutover')!.details).toContain(
      `${CONSUMER} approved commit ${later.slice(0, 12)}, not the head ${head.slice(0, 12)} of #2: approve again after the last push`,
    );
  });
});
