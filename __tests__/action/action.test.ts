// The Action's composition root in-process (a fake step instead of the runner, the real adapters)
// against a local GitHub that checks every request against the official OpenAPI description:
// every trigger, the sticky comment across pages, permissions, retries, size limits. The built
// bundle gets a handful of smoke runs in dist-smoke.test.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../support/demo-repo.js';
import { expectConforming, FakeGitHub } from '../github/fake-github.js';
import { workspace as makeWorkspace } from '../cli/cli-helpers.js';
import { fixturePayload, runActionInProcess, type ActionRunOptions, TOKEN } from './run-action.js';
import { headSha } from '../support/git-head.js';
import { execFileSync } from '../support/shell-sync.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MARKER = '<!-- cutover-checkpoint:gate=Cutover%20checkpoint -->';
const PR_HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
let repo: string;
/** The demo repository's HEAD. */
let head: string;
/** In process; on the demo repository, which no test here changes, git answers each question once. */
const runAction = (options: ActionRunOptions) =>
  runActionInProcess({ ...options, fixedWorkspace: options.workspace === repo });
let gh: FakeGitHub;

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'cc-action-')), 'repo');
  buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), repo);
  head = headSha(repo);
});
afterAll(() => rmSync(join(repo, '..'), { recursive: true, force: true }));
beforeEach(async () => {
  gh = await new FakeGitHub().start();
  // The fixtures' default branches end at the demo's HEAD: a push of it is judged under its own
  // policy (SPEC §10); a test of another branch sets its own tip.
  for (const branch of ['main', 'master']) gh.branchTips.set(branch, head);
});
afterEach(async () => {
  expectConforming(gh);
  await gh.stop();
});

/** What the Action asked of GitHub besides looking up the default branch's tip (the trusted ref). */
const published = () =>
  gh.requests.filter((r) => r.operation !== 'GET /repos/{owner}/{repo}/branches/{branch}');
const ops = () => published().map((r) => r.operation);
/** The Action on a push event (push.json) against the fake GitHub. */
const push = (workspace: string, inputs?: Record<string, string>) =>
  runAction({
    workspace,
    apiUrl: gh.url,
    event: 'push',
    payload: 'push.json',
    ...(inputs ? { inputs } : {}),
  });
const warnings = (stdout: string) =>
  stdout.split('\n').filter((line) => line.startsWith('::warning'));

describe('push', () => {
  it('creates the check run in progress on the pushed commit and completes it; no comment', async () => {
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'push',
      payload: 'push.json',
      sha: 'c'.repeat(40),
    });
    expect(run.status, run.stdout).toBe(0);
    // Writes only: the verified sign-off reads the merged PR's reviews and the run's approvals.
    expect(gh.writes().map((r) => r.operation)).toEqual([
      'POST /repos/{owner}/{repo}/check-runs',
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    ]);
    // The payload's `after`, the commit pushed (GITHUB_SHA is the same on a real runner).
    expect(published()[0]!.body).toMatchObject({
      name: 'Cutover checkpoint',
      head_sha: (fixturePayload('push.json') as { after: string }).after,
      status: 'in_progress',
      details_url: 'https://github.example/Codertocat/Hello-World/actions/runs/42',
    });
    expect(gh.checkRunUpdates[0]).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Rehearsal GO · Cutover NO-GO' },
    });
    const id = [...gh.checkRuns.keys()][0]!;
    expect(run.outputs).toMatchObject({
      verdict: 'GO',
      rehearsal: 'GO',
      cutover: 'NO-GO',
      'check-run-id': String(id),
      'check-run-url': `https://github.example/Codertocat/Hello-World/runs/${id}`,
      'comment-id': '',
    });
    expect(run.step.masked).toEqual([TOKEN]);
    expect(run.stdout).not.toContain(TOKEN);
    expect(run.summary).not.toContain(TOKEN);
  });
});

describe('pull_request', () => {
  it('posts on the PR head sha; the second run leaves the unchanged comment alone', async () => {
    const first = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: 'pull_request.synchronize.json',
      sha: 'd'.repeat(40),
    });
    expect(first.status, first.stdout).toBe(0);
    expect(published()[0]!.body).toMatchObject({ head_sha: PR_HEAD });
    // Six for publishing (with the PR's current head), two reads for the verified sign-off, one
    // read for the trusted ref's default-branch tip.
    expect(gh.requests.length).toBeLessThanOrEqual(9);
    expect(gh.requests.filter((r) => r.method !== 'GET').length).toBeLessThanOrEqual(4);
    expect(gh.comments.get(2)).toHaveLength(1);
    const comment = gh.comments.get(2)![0]!;
    expect(comment.body).toContain(MARKER);
    expect(comment.login).toBe('github-actions[bot]');
    expect(first.outputs['comment-id']).toBe(String(comment.id));

    gh.requests.length = 0;
    const second = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: 'pull_request.synchronize.json',
      sha: 'd'.repeat(40),
    });
    expect(second.status).toBe(0);
    expect(gh.comments.get(2)).toHaveLength(1);
    expect(ops()).not.toContain('POST /repos/{owner}/{repo}/issues/{issue_number}/comments');
    expect(ops()).not.toContain('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}');
    expect(second.outputs['comment-id']).toBe(String(comment.id));
  });

  it('finds its own comment on page 2 of 150 and ignores a marker in someone else’s', async () => {
    gh.seedComments(2, 139, 'reviewer', (i) =>
      i === 10 ? `quoting the bot: ${MARKER} old verdict` : `review comment ${i}`,
    );
    gh.seedComments(2, 1, 'github-actions[bot]', () => `${MARKER}\n### old verdict`);
    gh.seedComments(2, 10, 'reviewer');
    const ours = gh.comments.get(2)![139]!;
    const foreign = gh.comments.get(2)![10]!;
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: 'pull_request.synchronize.json',
    });
    expect(run.status).toBe(0);
    expect(
      gh.requests
        .filter((r) => r.operation === 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments')
        .map((r) => r.query.page ?? '1'),
    ).toEqual(['1', '2']);
    expect(gh.comments.get(2)).toHaveLength(150);
    expect(ours.body).toContain('service-v3-cutover');
    expect(foreign.body).toBe(`quoting the bot: ${MARKER} old verdict`);
    expect(run.outputs['comment-id']).toBe(String(ours.id));
  });

  it('on a fork PR answering 403 warns once naming the permissions; everything else still happens', async () => {
    const payload = fixturePayload('pull_request.synchronize.json') as {
      pull_request: { head: { repo: { full_name: string } } };
    };
    payload.pull_request.head.repo.full_name = 'forker/Hello-World';
    gh.faults.push({
      method: 'POST',
      path: /check-runs$/,
      status: 403,
      message: 'Resource not accessible by integration',
      times: Infinity,
    });
    gh.faults.push({
      method: 'POST',
      path: /comments$/,
      status: 403,
      message: 'Resource not accessible by integration',
      times: Infinity,
    });
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload,
    });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({
      verdict: 'GO',
      rehearsal: 'GO',
      cutover: 'NO-GO',
      'check-run-id': '',
      'comment-id': '',
    });
    expect(run.outputs.record).toMatch(/decision-record\.json$/);
    expect(run.outputs.report).toMatch(/report\.md$/);
    expect(run.summary).toContain('service-v3-cutover');
    const warned = warnings(run.stdout);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain(
      'create the check run (needs `checks: write`) and post the PR comment (needs `pull-requests: write`)',
    );
    expect(warned[0]).toContain('forks');
    // 403s are permission errors: never retried.
    expect(ops().filter((o) => o === 'POST /repos/{owner}/{repo}/check-runs')).toHaveLength(1);
  });
});

describe('gate integrity', () => {
  it('a PR whose base lacks the gate config gets a cutover NO-GO, said at the top', async () => {
    const payload = fixturePayload('pull_request.synchronize.json') as {
      pull_request: { base: { sha: string } };
    };
    // The demo repository's first commit is the release commit, before the gate config existed.
    payload.pull_request.base.sha = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], {
      cwd: repo,
    })
      .toString()
      .trim();
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload,
      inputs: { decision: 'cutover' },
    });
    expect(run.status).toBe(1);
    expect(run.outputs['blocking-checks']).toContain('gate.integrity');
    expect(run.summary).toMatch(
      /^# .*\n\n> \[!WARNING\]\n> \*\*Gate integrity:\*\* this change alters the policy .*\.github\/cutover-checkpoint\.yml: added \(absent at the trusted ref/,
    );
    expect(gh.comments.get(2)![0]!.body).toContain('> [!WARNING]');
  });
});

describe('other triggers', () => {
  it('workflow_dispatch takes decision from its inputs and completes the check run as failure', async () => {
    const payload = {
      ...fixturePayload('workflow_dispatch.json'),
      inputs: { decision: 'cutover' },
    };
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'workflow_dispatch',
      payload,
    });
    expect(run.status).toBe(1);
    expect(run.outputs).toMatchObject({
      verdict: 'NO-GO',
      'blocking-checks': 'joint-decision.cutover',
    });
    expect(gh.checkRunUpdates[0]).toMatchObject({ conclusion: 'failure' });
    expect(ops()).not.toContain('POST /repos/{owner}/{repo}/issues/{issue_number}/comments');
  });

  it('workflow_run posts on workflow_run.head_sha and comments on its PR', async () => {
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'workflow_run',
      payload: 'workflow_run.completed.json',
    });
    expect(run.status).toBe(0);
    expect(published()[0]!.body).toMatchObject({
      head_sha: (
        fixturePayload('workflow_run.completed.json') as { workflow_run: { head_sha: string } }
      ).workflow_run.head_sha,
    });
    expect(gh.comments.get(2)).toHaveLength(1);
  });

  it('merge_group posts on the queue head sha', async () => {
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'merge_group',
      payload: 'merge_group.checks_requested.json',
    });
    expect(run.status).toBe(0);
    expect(published()[0]!.body).toMatchObject({
      head_sha: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d',
    });
  });

  it('pull_request_target never runs commands from the pull request', async () => {
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request_target',
      payload: 'pull_request.synchronize.json',
    });
    expect(run.outputs.verdict).toBe('CONDITIONAL');
    expect(run.summary).toContain('pull_request_target runs no verification commands');
    expect(run.stdout).not.toContain('[unit-tests]');
    expect(run.stdout).not.toContain('▶');
    // CONDITIONAL is never green (SPEC §10): branch protection does not count action_required.
    expect(gh.checkRunUpdates.at(-1)).toMatchObject({ conclusion: 'action_required' });
  });

  it('publish: false makes no API write (the sign-off is still read)', async () => {
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: 'pull_request.synchronize.json',
      inputs: { publish: 'false' },
    });
    expect(run.status).toBe(0);
    expect(gh.writes()).toEqual([]);
    expect(run.outputs.verdict).toBe('GO');
  });
});

describe('resilience', () => {
  it('after a 502 on creating the check run, looks it up before creating it again', async () => {
    gh.faults.push({
      method: 'POST',
      path: /check-runs$/,
      status: 502,
      message: 'Bad Gateway',
      times: 1,
    });
    const run = await push(repo);
    expect(run.status).toBe(0);
    expect(ops().slice(0, 3)).toEqual([
      'POST /repos/{owner}/{repo}/check-runs',
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
      'POST /repos/{owner}/{repo}/check-runs',
    ]);
    expect(gh.checkRuns.size).toBe(1);
    expect(run.outputs['check-run-id']).toBe(String([...gh.checkRuns.keys()][0]));
    expect(warnings(run.stdout)).toEqual([]);
  });

  it('a 502 after GitHub created the check run does not create a second one', async () => {
    gh.faults.push({
      method: 'POST',
      path: /check-runs$/,
      status: 502,
      message: 'Bad Gateway',
      times: 1,
      after: true,
    });
    const run = await push(repo);
    expect(run.status).toBe(0);
    expect(ops().filter((o) => o === 'POST /repos/{owner}/{repo}/check-runs')).toHaveLength(1);
    expect(gh.checkRuns.size).toBe(1);
    const [id, created] = [...gh.checkRuns.entries()][0]!;
    expect(created.external_id).toMatch(/^cutover-checkpoint:/);
    expect(run.outputs['check-run-id']).toBe(String(id));
    expect(gh.checkRunUpdates[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('a 502 after GitHub created the comment does not post a second one', async () => {
    gh.faults.push({
      method: 'POST',
      path: /\/comments$/,
      status: 502,
      message: 'Bad Gateway',
      times: 1,
      after: true,
    });
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: 'pull_request.synchronize.json',
    });
    expect(run.status).toBe(0);
    expect(gh.comments.get(2)).toHaveLength(1);
    expect(run.outputs['comment-id']).toBe(String(gh.comments.get(2)![0]!.id));
    expect(
      ops().filter((o) => o === 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'),
    ).toHaveLength(1);
  });

  it('retries a 502 on completing the check run (an update is safe to repeat)', async () => {
    gh.faults.push({
      method: 'PATCH',
      path: /check-runs\/\d+$/,
      status: 502,
      message: 'Bad Gateway',
      times: 1,
    });
    const run = await push(repo);
    expect(run.status).toBe(0);
    expect(
      ops().filter((o) => o === 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}'),
    ).toHaveLength(2);
    expect(gh.checkRunUpdates.at(-1)).toMatchObject({ conclusion: 'success' });
    expect(warnings(run.stdout)).toEqual([]);
  });

  it('a GitHub failure that outlasts the retries is one warning; the verdict stands', async () => {
    gh.faults.push({
      method: 'PATCH',
      path: /check-runs\/\d+$/,
      status: 500,
      message: 'Internal Server Error',
      times: Infinity,
    });
    const run = await push(repo);
    expect(run.status).toBe(0);
    expect(run.outputs.verdict).toBe('GO');
    expect(warnings(run.stdout)).toEqual([
      '::warning::cutover-checkpoint could not complete the check run (HTTP 500: Internal Server Error - https://docs.github.com/rest).',
    ]);
  });

  it('waits out a secondary rate limit, honouring Retry-After', async () => {
    gh.faults.push({
      method: 'POST',
      path: /check-runs$/,
      status: 403,
      headers: { 'retry-after': '1' },
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      times: 1,
    });
    const run = await push(repo);
    expect(run.status).toBe(0);
    expect(ops().filter((o) => o === 'POST /repos/{owner}/{repo}/check-runs')).toHaveLength(2);
    expect(run.outputs['check-run-id']).not.toBe('');
    expect(run.stdout).toContain(
      'secondary rate limit on POST /repos/{owner}/{repo}/check-runs: retrying in 1s',
    );
  });

  it('an invalid input still ends with a failed check run saying why', async () => {
    const run = await push(repo, { decision: 'launch' });
    expect(run.status).toBe(1);
    expect(run.judged).toBe(false);
    expect(run.stdout).toContain(
      "Invalid input 'decision': 'launch'. Expected one of: rehearsal, cutover.",
    );
    expect(gh.checkRunUpdates).toHaveLength(1);
    expect(gh.checkRunUpdates[0]).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'The gate could not run' },
    });
    expect((gh.checkRunUpdates[0]!.output as { summary: string }).summary).toContain(
      "Invalid input 'decision'",
    );
  });

  it.each(['neutral', 'success'])(
    'conditional-conclusion: %s is refused: a CONDITIONAL verdict is never green',
    async (value) => {
      const run = await push(repo, { 'conditional-conclusion': value });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        `Invalid input 'conditional-conclusion': '${value}'. A CONDITIONAL verdict is never green, and branch protection counts ${value} as passing. Expected one of: action_required (default), failure.`,
      );
      expect(run.outputs.verdict ?? '').toBe('');
      expect(gh.checkRunUpdates.at(-1)).toMatchObject({ conclusion: 'failure' });
    },
  );

  it('an unusable config completes the check run as failure and annotates the config', async () => {
    const run = await push(repo, { config: 'missing.yml' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error file=missing.yml.*::config not found at missing.yml/);
    expect(gh.checkRunUpdates[0]).toMatchObject({
      conclusion: 'failure',
      output: { title: 'The gate could not run' },
    });
  });
  it('config errors are annotated on the check run at their line', async () => {
    const dir = makeWorkspace({
      '.github/cutover-checkpoint.yml': 'version: 1\ngate: {name: typo}\ncomands: []\n',
    });
    try {
      const run = await push(dir);
      expect(run.status).toBe(1);
      expect((gh.checkRunUpdates[0]!.output as { annotations: unknown[] }).annotations).toEqual([
        expect.objectContaining({
          path: '.github/cutover-checkpoint.yml',
          start_line: 3,
          message: "unknown key 'comands' in (top level); did you mean 'commands'?",
        }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('limits', () => {
  it('keeps a report over GitHub’s size limits within them, degrading detail first', async () => {
    const noisy = `for i in $(seq 600); do echo "error: assertion $i failed: expected the contract envelope to carry error.retryable"; done; exit 1`;
    const commands = Array.from(
      { length: 12 },
      (_, i) => `  - {id: suite-${i}, run: '${noisy}'}`,
    ).join('\n');
    const dir = makeWorkspace({
      '.github/cutover-checkpoint.yml': `version: 1\ngate: {name: big}\ncommand_defaults: {concurrency: 4}\ncommands:\n${commands}\n`,
    });
    try {
      const run = await push(dir);
      expect(run.status).toBe(1);
      expect(Buffer.byteLength(run.summary)).toBeGreaterThan(65_535);
      const output = gh.checkRunUpdates[0]!.output as { summary: string; text: string };
      expect(Buffer.byteLength(output.text)).toBeLessThanOrEqual(65_535);
      expect(Buffer.byteLength(output.summary)).toBeLessThanOrEqual(65_535);
      expect(output.text).toContain('## Verification commands');
      expect(output.text).not.toContain('Output tail of');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('3,000 findings: 100 annotations in two batches, the full summary last, ~10 writes, summary < 1 MiB', async () => {
    const boxes = Array.from({ length: 3000 }, (_, i) => `- [ ] step ${i + 1}`).join('\n');
    const dir = makeWorkspace({
      '.github/cutover-checkpoint.yml':
        'version: 1\ngate: {name: boxes}\ndocuments:\n  - {id: runbook, path: docs/runbook.md, checklist_complete: true}\n',
      'docs/runbook.md': `# Runbook\n\n${boxes}\n`,
    });
    try {
      const run = await push(dir);
      expect(run.status).toBe(1);
      const outputs = gh.checkRunUpdates.map(
        (u) => u.output as { summary: string; annotations?: { start_line: number }[] },
      );
      expect(outputs.map((o) => (o.annotations ?? []).length)).toEqual([50, 50]);
      // Every update replaces title and summary: the batch goes first with a short one.
      expect(gh.checkRunUpdates[0]).not.toHaveProperty('conclusion');
      expect(outputs[0]!.summary.length).toBeLessThan(100);
      expect(gh.checkRunUpdates.at(-1)).toMatchObject({
        status: 'completed',
        conclusion: 'failure',
      });
      expect(outputs.at(-1)!.summary).toContain('2,900 more annotation(s) not attached');
      const all = outputs.flatMap((o) => o.annotations ?? []);
      expect(all.map((a) => a.start_line)).toEqual(Array.from({ length: 100 }, (_, i) => i + 3));
      expect(gh.writes().length).toBeLessThanOrEqual(10);
      expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('shards', () => {
  it('shard jobs publish nothing; the aggregating job merges them and posts one check run', async () => {
    const commands = ['a', 'b', 'c', 'd']
      .map((id) => `  - {id: ${id}, run: 'test -d . && echo 1 passed, 0 failed'}`)
      .join('\n');
    const dir = makeWorkspace({
      '.github/cutover-checkpoint.yml': `version: 1\ngate: {name: sharded}\ncommands:\n${commands}\n`,
    });
    try {
      for (const shard of ['1/2', '2/2']) {
        const run = await runAction({
          workspace: dir,
          apiUrl: gh.url,
          event: 'push',
          payload: 'push.json',
          inputs: { shard, 'evidence-dir': `shards/${shard[0]}` },
        });
        expect(run.status, run.stdout).toBe(0);
      }
      expect(gh.requests).toEqual([]);
      const merged = await push(dir, {
        aggregate: 'shards/*/decision-record.json',
        'evidence-dir': 'merged',
      });
      expect(merged.status, merged.stdout).toBe(0);
      expect(merged.outputs.verdict).toBe('GO');
      expect(ops()).toEqual([
        'POST /repos/{owner}/{repo}/check-runs',
        'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
      ]);
      expect(merged.summary).toContain('4 of 4 verification commands ran');
      // The merged record names the commit judged and the one the event is about.
      const record = JSON.parse(readFileSync(merged.outputs.record!, 'utf8')) as {
        context: { head_sha: string; subject_sha: string };
      };
      expect(record.context).toMatchObject({
        head_sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        subject_sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A workspace of one command whose only shard (1/1) a push job judged into shards/1. */
  async function oneShardJudged(): Promise<string> {
    const dir = makeWorkspace({
      '.github/cutover-checkpoint.yml': `version: 1\ngate: {name: sharded}\ncommands:\n  - {id: a, run: 'test -d . && echo 1 passed, 0 failed'}\n`,
    });
    const shard = await runAction({
      workspace: dir,
      apiUrl: gh.url,
      event: 'push',
      payload: 'push.json',
      inputs: { shard: '1/1', 'evidence-dir': 'shards/1' },
    }).catch((error: unknown) => {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    });
    expect(shard.status, shard.stdout).toBe(0);
    return dir;
  }

  it('shards of another commit are refused by the aggregating job: no verdict for its commit', async () => {
    const dir = await oneShardJudged();
    const later = { ...fixturePayload('push.json'), after: '9'.repeat(40) };
    try {
      const merged = await runAction({
        workspace: dir,
        apiUrl: gh.url,
        event: 'push',
        payload: later,
        inputs: { aggregate: 'shards/*/decision-record.json', 'evidence-dir': 'merged' },
      });
      expect(merged.status).toBe(1);
      expect(merged.step.failed).toMatch(
        new RegExp(
          `shard records judged commit [0-9a-f]{40} .*but this job holds ${'9'.repeat(40)}`,
        ),
      );
      expect(merged.outputs.verdict ?? '').toBe('');
      expect(gh.checkRunUpdates).toEqual([
        expect.objectContaining({ conclusion: 'failure', status: 'completed' }),
      ]);
      expect(gh.requests[0]!.body).toMatchObject({ head_sha: '9'.repeat(40) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an aggregating job that asks for the cutover over rehearsal shards fails: never their GO', async () => {
    // The shards answered "may we rehearse?"; their merged GO is no answer to "may we cut over?".
    const dir = await oneShardJudged();
    try {
      const merged = await push(dir, {
        aggregate: 'shards/*/decision-record.json',
        'evidence-dir': 'merged',
        decision: 'cutover',
      });
      expect(merged.status).toBe(1);
      expect(merged.step.failed).toMatch(
        /^cutover-checkpoint: the shard records cannot be aggregated: .*decision: cutover in this job, rehearsal in the shards/,
      );
      expect(merged.outputs.verdict ?? '').toBe('');
      expect(gh.checkRunUpdates).toEqual([
        expect.objectContaining({ conclusion: 'failure', status: 'completed' }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('working-directory', () => {
  it('runs the gate in a subdirectory and annotates paths from the repository root', async () => {
    const dir = makeWorkspace({
      'services/api/.github/cutover-checkpoint.yml':
        'version: 1\ngate: {name: sub}\ndocuments:\n  - {id: runbook, path: docs/runbook.md, checklist_complete: true}\n',
      'services/api/docs/runbook.md': '# Runbook\n- [ ] sign off\n',
    });
    try {
      const run = await push(dir, { 'working-directory': 'services/api' });
      expect(run.status).toBe(1);
      expect(run.outputs.record).toBe(
        join(dir, 'services/api/checkpoint-evidence/decision-record.json'),
      );
      const annotations = (
        gh.checkRunUpdates[0]!.output as { annotations: { path: string; start_line: number }[] }
      ).annotations;
      expect(annotations).toEqual([
        expect.objectContaining({ path: 'services/api/docs/runbook.md', start_line: 2 }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('comment: always', () => {
  it('on push comments on the open pull requests of the commit', async () => {
    gh.associatedPulls = [
      { number: 5, state: 'open' },
      { number: 4, state: 'closed' },
    ];
    const run = await push(repo, { comment: 'always' });
    expect(run.status).toBe(0);
    expect([...gh.comments.keys()]).toEqual([5]);
    expect(run.outputs['comment-url']).toContain('/issues/5#issuecomment-');
  });
});

describe('lookups', () => {
  it("the consumer's check at its pinned ref must have succeeded", async () => {
    gh.consumerCheckRuns = [{ name: 'contract-suite', status: 'completed', conclusion: 'failure' }];
    const dir = makeWorkspace({
      '.github/cutover-checkpoint.yml':
        'version: 1\ngate: {name: consumer}\nconsumer: {repository: acme/assist-support, ref: 008dfc8, check_name: contract-suite}\n',
    });
    try {
      const run = await push(dir);
      expect(run.status).toBe(1);
      expect(run.summary).toContain(
        // Escaped for Markdown: a zero-width space keeps `@…` from linking.
        "check 'contract-suite' of acme/assist-support@\u200B008dfc8 concluded failure",
      );
      const lookup = gh.requests.find(
        (r) => r.operation === 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
      )!;
      expect(lookup.path).toBe('/repos/acme/assist-support/commits/008dfc8/check-runs');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a lookup the token cannot make is pending with the reason, never a pass', async () => {
    gh.faults.push({
      method: 'GET',
      path: /issues$/,
      status: 403,
      message: 'Resource not accessible by integration',
      times: Infinity,
    });
    const dir = makeWorkspace({
      '.github/cutover-checkpoint.yml':
        'version: 1\ngate: {name: incidents}\nincidents: {labels: [sev-1]}\n',
    });
    try {
      const run = await push(dir);
      expect(run.status).toBe(0);
      expect(run.outputs.verdict).toBe('CONDITIONAL');
      expect(run.summary).toContain(
        'the token cannot read issues of Codertocat/Hello-World (HTTP 403',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('open SEV issues make the incidents check fail, paginated per label', async () => {
    gh.openIssues = [{ number: 7, title: 'Envelope regression in service.v3', labels: ['sev-2'] }];
    const dir = makeWorkspace({
      '.github/cutover-checkpoint.yml':
        'version: 1\ngate: {name: incidents}\nincidents: {labels: [sev-1, sev-2]}\n',
    });
    try {
      const run = await push(dir);
      expect(run.status).toBe(1);
      expect(run.outputs['blocking-checks']).toBe('incidents');
      expect(
        gh.requests
          .filter((r) => r.operation === 'GET /repos/{owner}/{repo}/issues')
          .map((r) => r.query.labels),
      ).toEqual(['sev-1', 'sev-2']);
      // Escaped for Markdown: a zero-width space keeps `#7` from cross-referencing the issue.
      expect(run.summary).toContain('#\u200B7 Envelope regression in service.v3');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the runner’s environment', () => {
  it('a corrupt event payload fails the step saying so, and touches nothing on GitHub', async () => {
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: {},
      eventText: '{"pull_request": {"number": 2,',
    });
    expect(run.status).toBe(1);
    expect(run.step.failed).toMatch(
      /^cutover-checkpoint could not run: the event payload at GITHUB_EVENT_PATH=.*event\.json is not JSON/,
    );
    expect(gh.requests).toEqual([]);
    expect(run.outputs).toEqual({});
  });

  it('leaves no signal listener behind after a run', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const run = await push(repo);
    expect(run.status).toBe(0);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });
});

describe('inputs naming files', () => {
  it('a durations input that is not a record fails the step naming the input and the file', async () => {
    const dir = makeWorkspace({
      '.github/cutover-checkpoint.yml':
        "version: 1\ngate: {name: sharded}\ncommands:\n  - {id: a, run: 'test -d .'}\n",
      'README.md': '# not a record\n',
    });
    try {
      const run = await push(dir, { shard: '1/2', durations: 'README.md' });
      expect(run.status).toBe(1);
      expect(run.step.failed).toMatch(
        /^cutover-checkpoint could not run: Invalid input 'durations': README\.md: it is not JSON/,
      );
      expect(gh.requests).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
