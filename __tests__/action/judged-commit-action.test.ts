// SPEC §5 "The commit judged is the commit published" through the Action's composition root, on
// real webhook payloads (@octokit/webhooks-examples) against the OpenAPI-validated fake GitHub:
// events with nothing to judge skip, a workspace holding another commit publishes nothing, the
// check run goes on the event's commit, and commands run only where the event table allows.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../support/demo-repo.js';
import { fakeGitHubPerTest, type FakeGitHub } from '../github/fake-github.js';
import { runActionInProcess, type ActionRunOptions } from './run-action.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = JSON.parse(
  readFileSync(join(ROOT, '__tests__/github/fixtures/webhooks/examples.json'), 'utf8'),
) as Record<string, Record<string, unknown>>;
const example = (key: string) => structuredClone(EXAMPLES[key]!);
const OTHER = '1234567890abcdef1234567890abcdef12345678';
let repo: string;
/** In process; on the demo repository, which no test here changes, git answers each question once. */
const runAction = (options: ActionRunOptions) =>
  runActionInProcess({ ...options, fixedWorkspace: options.workspace === repo });
let gh: FakeGitHub;

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'cc-judged-')), 'repo');
  buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), repo);
});
afterAll(() => rmSync(join(repo, '..'), { recursive: true, force: true }));
fakeGitHubPerTest((started) => (gh = started));

const VERDICT_OUTPUTS = ['verdict', 'rehearsal', 'cutover'];
const recordOf = (path: string | undefined) =>
  JSON.parse(readFileSync(path!, 'utf8')) as {
    context: { head_sha?: string | null; subject_sha?: string | null; sha: string | null };
    scope: unknown;
  };

describe('events with nothing to judge', () => {
  for (const key of ['push.-.1', 'pull_request.closed.3', 'check_suite.completed.0']) {
    it(`${key}: a notice, no commands, nothing on GitHub, empty verdict outputs, exit 0`, async () => {
      const run = await runAction({
        workspace: repo,
        apiUrl: gh.url,
        event: key.split('.')[0]!,
        payload: example(key),
      });
      expect(run.status, run.stdout).toBe(0);
      expect(run.stdout).toMatch(/::notice::cutover-checkpoint skipped this \w+ event: /);
      expect(run.stdout).not.toContain('▶');
      expect(gh.requests).toEqual([]);
      for (const name of VERDICT_OUTPUTS) expect(run.outputs[name] ?? '').toBe('');
      expect(run.summary).toBe('');
    });
  }

  it('a branch deletion never targets the zero sha', async () => {
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'push',
      payload: example('push.-.1'),
    });
    expect(run.stdout).toContain('deleted a branch');
    expect(JSON.stringify(gh.requests)).not.toContain('0'.repeat(40));
  });
});

describe('a workspace holding another commit', () => {
  it('pull_request_target with the base checked out fails naming both shas and publishes nothing', async () => {
    const payload = example('pull_request.synchronize.22');
    const pr = payload.pull_request as { head: { sha: string }; base: { sha: string } };
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request_target',
      payload,
      head: { kind: 'ok', value: { sha: pr.base.sha, parents: [OTHER] } },
    });
    expect(run.status).toBe(1);
    expect(run.step.failed).toContain(pr.base.sha);
    expect(run.step.failed).toContain(pr.head.sha);
    expect(run.step.failed).toContain('ref: ${{ github.event.pull_request.head.sha }}');
    expect(run.stdout.match(/::error/g) ?? []).toHaveLength(1);
    expect(gh.writes()).toEqual([]);
    expect(run.stdout).not.toContain('▶');
    for (const name of VERDICT_OUTPUTS) expect(run.outputs[name] ?? '').toBe('');
  });

  it('workflow_run for a PR judging the default branch fails naming both shas', async () => {
    const payload = example('workflow_run.completed.2');
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'workflow_run',
      payload,
      head: { kind: 'ok', value: { sha: OTHER, parents: [] } },
    });
    expect(run.status).toBe(1);
    expect(run.step.failed).toContain(OTHER);
    expect(run.step.failed).toContain('3484a3fb816e0859fd6e1cea078d76385ff50625');
    expect(run.step.failed).toContain('github.event.workflow_run.head_sha');
    expect(gh.requests).toEqual([]);
    for (const name of VERDICT_OUTPUTS) expect(run.outputs[name] ?? '').toBe('');
  });

  it('the real workspace HEAD is read through git and compared', async () => {
    const payload = example('push.-.0');
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'push',
      payload,
      head: 'git',
    });
    // The demo repository's HEAD is not the example's pushed commit.
    expect(run.status).toBe(1);
    expect(run.step.failed).toContain('6113728f27ae82c7b1a177c8d03f9e96e0adf246');
    expect(run.step.failed).toMatch(/the workspace holds [0-9a-f]{40}/);
    expect(gh.requests).toEqual([]);
  });
});

describe('a workspace whose HEAD cannot be read', () => {
  const NOT_A_REPO = 'fatal: not a git repository (or any of the parent directories): .git';
  const cases = [
    {
      event: 'push',
      key: 'push.-.0',
      expected: '6113728f27ae82c7b1a177c8d03f9e96e0adf246, the commit this push event is about',
      hint: 'uses: actions/checkout (its default ref on push',
    },
    {
      event: 'pull_request',
      key: 'pull_request.synchronize.22',
      expected: 'the merge commit of ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      hint: 'its default ref on pull_request is the merge commit',
    },
    {
      event: 'workflow_dispatch',
      key: 'workflow_dispatch.-.0',
      expected: `${'a'.repeat(40)}, the commit this workflow_dispatch run was started on`,
      hint: 'uses: actions/checkout',
    },
  ];
  for (const { event, key, expected, hint } of cases) {
    it(`${event}: fails the step naming what it could not read, the commit expected and the checkout; publishes nothing`, async () => {
      const run = await runAction({
        workspace: repo,
        apiUrl: gh.url,
        event,
        payload: example(key),
        head: { kind: 'unavailable', reason: NOT_A_REPO },
      });
      expect(run.status).toBe(1);
      expect(run.stdout.match(/::error/g) ?? []).toHaveLength(1);
      expect(run.step.failed).toContain(`could not read the workspace's HEAD (${NOT_A_REPO})`);
      expect(run.step.failed).toContain(expected);
      expect(run.step.failed).toContain(hint);
      expect(run.stdout).not.toContain('::warning');
      expect(run.stdout).not.toContain('▶');
      expect(gh.requests).toEqual([]);
      for (const name of VERDICT_OUTPUTS) expect(run.outputs[name] ?? '').toBe('');
      expect(run.summary).toBe('');
    });
  }

  it('a directory that is no git repository is read through git and refused', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'cc-not-a-repo-'));
    try {
      cpSync(repo, plain, { recursive: true, filter: (path) => !path.endsWith('/.git') });
      const run = await runAction({
        workspace: plain,
        apiUrl: gh.url,
        event: 'push',
        payload: example('push.-.0'),
        head: 'git',
      });
      expect(run.status).toBe(1);
      expect(run.step.failed).toMatch(
        /could not read the workspace's HEAD \(fatal: not a git repository/,
      );
      expect(gh.requests).toEqual([]);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('the commit published', () => {
  it('check_suite rerequested: the check run goes on check_suite.head_sha; the record holds both shas', async () => {
    const payload = example('check_suite.rerequested.7');
    const head = (payload.check_suite as { head_sha: string }).head_sha;
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'check_suite',
      payload,
      head: { kind: 'ok', value: { sha: head, parents: [OTHER] } },
    });
    expect(run.status, run.stdout).toBe(0);
    expect(gh.requests[0]!.body).toMatchObject({ head_sha: head, status: 'in_progress' });
    const record = recordOf(run.outputs.record);
    expect(record.context).toMatchObject({ head_sha: head, subject_sha: head });
  });

  it('pull_request: the record names the merge commit judged and the PR head published on', async () => {
    const payload = example('pull_request.synchronize.22');
    const pr = (payload.pull_request as { head: { sha: string } }).head.sha;
    const merge = 'f'.repeat(40);
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload,
      head: { kind: 'ok', value: { sha: merge, parents: [OTHER, pr] } },
    });
    expect(run.status, run.stdout).toBe(0);
    expect(gh.requests[0]!.body).toMatchObject({ head_sha: pr });
    expect(recordOf(run.outputs.record).context).toMatchObject({
      head_sha: merge,
      subject_sha: pr,
    });
  });

  it('workflow_run from a fork runs no commands and says why', async () => {
    const payload = example('workflow_run.completed.2');
    const run = payload.workflow_run as { head_repository: { full_name: string } };
    run.head_repository.full_name = 'forker/octo-repo';
    const result = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'workflow_run',
      payload,
    });
    expect(result.stdout).not.toContain('▶');
    expect(result.outputs.verdict).toBe('CONDITIONAL');
    expect(result.summary).toContain('workflow_run from a fork or another repository runs no');
  });
});

describe('the workspace HEAD read through git', () => {
  it('a push whose commit is not the workspace HEAD, or in no repository, fails and publishes nothing; a deletion skips', async () => {
    const wrong = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'push',
      payload: example('push.-.0'),
      head: 'git',
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toMatch(
      /::error::cutover-checkpoint: the workspace holds [0-9a-f]{40}, but this push event is about 6113728f27ae82c7b1a177c8d03f9e96e0adf246/,
    );
    expect(gh.requests).toEqual([]);
    expect(wrong.outputs.verdict ?? '').toBe('');

    const deleted = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'push',
      payload: example('push.-.1'),
    });
    expect(deleted.status).toBe(0);
    expect(deleted.stdout).toContain('::notice::cutover-checkpoint skipped this push event');
    expect(gh.requests).toEqual([]);

    // No repository at all (files fetched another way): refused, not published on the event's sha.
    const plain = mkdtempSync(join(tmpdir(), 'cc-not-a-repo-'));
    try {
      const unread = await runAction({
        workspace: plain,
        apiUrl: gh.url,
        event: 'push',
        payload: example('push.-.0'),
        head: 'git',
      });
      expect(unread.status).toBe(1);
      expect(unread.stdout).toMatch(
        /^::error::cutover-checkpoint could not read the workspace's HEAD \(fatal: not a git repository.*6113728f27ae82c7b1a177c8d03f9e96e0adf246, the commit this push event is about.*uses: actions\/checkout/m,
      );
      expect(unread.stdout.match(/::(error|warning)/g)).toHaveLength(1);
      expect(gh.requests).toEqual([]);
      expect(unread.outputs.verdict ?? '').toBe('');
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
