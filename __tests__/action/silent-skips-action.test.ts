// SPEC §5: a publication that is skipped (no token, token kind, missing permission, no PR found,
// an unreachable API) is said once as a warning with GitHub's own reason, never silently.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../support/demo-repo.js';
import { fakeGitHubPerTest, type FakeGitHub } from '../github/fake-github.js';
import { readJudgedCommit } from '../../src/core/github/sticky-comment-plan.js';
import { fixturePayload, runActionInProcess, type ActionRunOptions } from './run-action.js';

const ROOT = join(import.meta.dirname, '..', '..');
let repo: string;
/** In process; on the demo repository, which no test here changes, git answers each question once. */
const runAction = (options: ActionRunOptions) =>
  runActionInProcess({ ...options, fixedWorkspace: options.workspace === repo });
let gh: FakeGitHub;

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'cc-skips-')), 'repo');
  buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), repo);
});
afterAll(() => rmSync(join(repo, '..'), { recursive: true, force: true }));
fakeGitHubPerTest((started) => (gh = started));

const FORK_HEAD = '3484a3fb816e0859fd6e1cea078d76385ff50625';
const warnings = (stdout: string) =>
  stdout.split('\n').filter((line) => line.startsWith('::warning'));

/** workflow_run.completed.1 as if the run came from a fork: GitHub leaves pull_requests empty. */
function forkWorkflowRun(): Record<string, unknown> {
  const payload = structuredClone(
    fixturePayload('webhooks/examples.json')['workflow_run.completed.1'],
  ) as {
    workflow_run: {
      head_repository: { full_name: string; owner: { login: string } };
      pull_requests: unknown[];
      event: string;
    };
  };
  payload.workflow_run.head_repository.full_name = 'forker/octo-repo';
  payload.workflow_run.head_repository.owner.login = 'forker';
  payload.workflow_run.event = 'pull_request';
  expect(payload.workflow_run.pull_requests).toEqual([]);
  return payload as unknown as Record<string, unknown>;
}

describe('skipped publications are said once', () => {
  it("github-token '' warns once naming the required check that will wait; nothing is sent", async () => {
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'push',
      payload: 'push.json',
      inputs: { 'github-token': '' },
    });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe('GO');
    const said = warnings(run.stdout).filter((w) => w.includes('github-token is empty'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain("'Cutover checkpoint' will wait");
    expect(gh.requests).toEqual([]);
  });

  it('a personal access token: GitHub’s words quoted and the token kinds that can create check runs', async () => {
    gh.faults.push({
      method: 'POST',
      path: /check-runs$/,
      status: 403,
      message: 'You must authenticate via a GitHub App.',
      times: Infinity,
    });
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'push',
      payload: 'push.json',
    });
    expect(run.status, run.stdout).toBe(0);
    const said = warnings(run.stdout);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('GitHub says "You must authenticate via a GitHub App.');
    expect(said[0]).toContain('GitHub App installation token');
    expect(said[0]).not.toContain('checks: write` in the workflow');
  });

  it('a fork workflow_run finds its PR through the commit and comments there', async () => {
    gh.associatedPulls = [{ number: 7, state: 'open' }];
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'workflow_run',
      payload: forkWorkflowRun(),
    });
    expect(run.status, run.stdout).toBe(0);
    expect(gh.requests.map((r) => r.operation)).toContain(
      'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    );
    expect(gh.comments.get(7)).toHaveLength(1);
    // Nothing from the fork ran.
    expect(run.stdout).not.toContain('▶');
  });

  it('a fork workflow_run whose commit GitHub does not list finds its PR by the head’s owner:branch', async () => {
    // GitHub often lists no pull request for a fork's commit; the PR is found by its head.
    gh.pulls = [
      { number: 11, head: 'forker:master', sha: FORK_HEAD, state: 'open' },
      { number: 12, head: 'someone:master', sha: FORK_HEAD, state: 'open' },
    ];
    gh.pullHeads.set(11, FORK_HEAD);
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'workflow_run',
      payload: forkWorkflowRun(),
    });
    expect(run.status, run.stdout).toBe(0);
    expect(warnings(run.stdout)).toEqual([]);
    const lookups = gh.requests.filter((r) => r.operation === 'GET /repos/{owner}/{repo}/pulls');
    expect(lookups.map((r) => r.query)).toEqual([
      { head: 'forker:master', state: 'open', per_page: '100' },
    ]);
    expect(gh.comments.get(11)).toHaveLength(1);
    expect(readJudgedCommit(gh.comments.get(11)![0]!.body)).toBe(FORK_HEAD);
    expect(gh.comments.get(12)).toBeUndefined();
    expect(run.stdout).not.toContain('▶');
  });

  it('a fork workflow_run in no open PR, by commit or by head, says why no comment was made', async () => {
    gh.pulls = [{ number: 13, head: 'forker:master', sha: FORK_HEAD, state: 'closed' }];
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'workflow_run',
      payload: forkWorkflowRun(),
    });
    expect(run.status, run.stdout).toBe(0);
    const said = warnings(run.stdout).filter((w) => w.includes('made no PR comment'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`no open pull request with commit ${FORK_HEAD}`);
    expect(said[0]).toContain('nor one whose head is forker:master');
    expect([...gh.comments.values()].flat()).toEqual([]);
  });

  it('a workflow_run of a push names no PR and looks none up: nothing to say', async () => {
    const payload = structuredClone(
      fixturePayload('webhooks/examples.json')['workflow_run.completed.1'],
    ) as { workflow_run: { event: string } };
    payload.workflow_run.event = 'push';
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'workflow_run',
      payload: payload as unknown as Record<string, unknown>,
    });
    expect(run.status, run.stdout).toBe(0);
    expect(warnings(run.stdout)).toEqual([]);
    expect(gh.requests.map((r) => r.operation)).not.toContain(
      'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    );
    expect([...gh.comments.values()].flat()).toEqual([]);
  });

  it('an unreachable API is named by its URL, not "HTTP 500: bad port", and said once', async () => {
    const run = await runAction({
      workspace: repo,
      apiUrl: 'http://127.0.0.1:9',
      event: 'push',
      payload: 'push.json',
    });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe('GO');
    const said = warnings(run.stdout).filter((w) => w.includes('could not be reached'));
    expect(said, run.stdout).toHaveLength(1);
    expect(said[0]).toContain('http://127.0.0.1:9');
    expect(run.stdout).not.toMatch(/HTTP 500: (bad port|fetch failed)/);
  });
});
