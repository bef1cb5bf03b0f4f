// Issue 8 (SPEC §10 table) through the Action in-process: which commit's policy judges each event,
// and the contents-API fallback when a shallow clone lacks the trusted ref's objects.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../support/demo-repo.js';
import { FakeGitHub } from '../github/fake-github.js';
import {
  fixturePayload,
  NOT_READ_BY_COMMANDS,
  runActionInProcess as runAction,
} from './run-action.js';
import { headSha } from '../support/git-head.js';
import { execFileSync } from '../support/shell-sync.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CONFIG = '.github/cutover-checkpoint.yml';
/** The example's commands do not read the notes this file adds: they replay recorded results. */
const NOT_READ = [...NOT_READ_BY_COMMANDS, 'PR_NOTE.md', 'BASE_NOTE.md'];
let dir: string;
let repo: string;
let base: string;
let gh: FakeGitHub;

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.email=t@t', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  ).trim();

/** base ← fresher (the base branch moved) ← merge; the PR head branches off base. */
let fresher: string;
let prHead: string;
let merge: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-trusted-ref-'));
  repo = join(dir, 'repo');
  buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), repo);
  base = headSha(repo);
  git(repo, 'checkout', '-q', '-b', 'pr');
  appendFileSync(join(repo, 'PR_NOTE.md'), 'pr change\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'pr: docs');
  prHead = headSha(repo);
  git(repo, 'checkout', '-q', '-b', 'target', base);
  appendFileSync(join(repo, 'BASE_NOTE.md'), 'base moved\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'base: moved on');
  fresher = headSha(repo);
  git(repo, 'merge', '-q', '--no-ff', '-m', 'merge pr', 'pr');
  merge = headSha(repo);
  git(repo, 'branch', '-q', 'merged', merge);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  gh = await new FakeGitHub().start();
});
afterEach(async () => {
  for (const request of gh.requests) expect(request.errors, request.operation).toEqual([]);
  await gh.stop();
  git(repo, 'checkout', '-q', '-f', merge);
});

/** A pull_request payload with the payload's (older) base sha and the PR head. */
function prPayload(): Record<string, unknown> {
  const event = fixturePayload('pull_request.synchronize.json') as {
    pull_request: { base: { sha: string }; head: { sha: string } };
  };
  event.pull_request.base.sha = base;
  event.pull_request.head.sha = prHead;
  return event;
}

describe('pull_request: the merge commit’s first parent is trusted', () => {
  it('judges under the first parent, not the payload’s base.sha', async () => {
    git(repo, 'checkout', '-q', merge);
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: prPayload(),
      sha: merge,
      inputs: { decision: 'rehearsal' },
      notReadByCommands: NOT_READ,
    });
    expect(fresher).not.toBe(base);
    expect(run.stdout + run.summary).toContain(fresher.slice(0, 12));
    expect(run.stdout + run.summary).not.toContain(`trusted ref ${base.slice(0, 12)}`);
  });
});

describe('pull_request with the PR head checked out, itself a merge commit', () => {
  it('trusts the payload’s base, not the head’s first parent (a commit of the PR)', async () => {
    // The PR tunes the gate, then merges the base in ("Update branch"): the head's first parent is
    // the PR's own commit, which holds the PR's policy.
    git(repo, 'checkout', '-q', '-b', `self-trust-${Date.now()}`, base);
    appendFileSync(join(repo, CONFIG), '\n# tuned in the PR\n');
    git(repo, 'commit', '-qam', 'pr: tune the gate');
    const tuned = headSha(repo);
    git(repo, 'merge', '-q', '--no-ff', '-m', 'merge base in', fresher);
    const head = headSha(repo);
    const payload = prPayload() as { pull_request: { head: { sha: string } } };
    payload.pull_request.head.sha = head;
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload,
      sha: head,
      inputs: { decision: 'cutover' },
      notReadByCommands: NOT_READ,
    });
    expect(run.summary).toContain(`trusted ref ${base.slice(0, 12)}`);
    expect(run.summary).not.toContain(`trusted ref ${tuned.slice(0, 12)}`);
    expect(run.outputs.cutover).toBe('NO-GO');
    expect(run.outputs['blocking-checks']).toContain('gate.integrity');
  });
});

describe('push on a branch that is not the default', () => {
  it('trusts the default branch’s tip: a change to the config fails gate.integrity', async () => {
    git(repo, 'checkout', '-q', '-b', `feature-${Date.now()}`, base);
    appendFileSync(join(repo, CONFIG), '\n# tuned on a branch\n');
    git(repo, 'commit', '-qam', 'branch: tune the gate');
    const head = headSha(repo);
    gh.branchTips.set('master', base);
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'push',
      payload: 'push.json',
      sha: head,
      inputs: { decision: 'cutover' },
      notReadByCommands: NOT_READ,
    });
    expect(run.outputs.cutover).toBe('NO-GO');
    expect(run.outputs['blocking-checks']).toContain('gate.integrity');
    expect(run.summary).toContain(`trusted ref ${base.slice(0, 12)}`);
    expect(gh.requests.map((r) => r.operation)).toContain(
      'GET /repos/{owner}/{repo}/branches/{branch}',
    );
  });

  it('an unknown default tip is a gate.integrity error, never the branch’s own policy', async () => {
    git(repo, 'checkout', '-q', '-b', `feature-x-${Date.now()}`, base);
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'push',
      payload: 'push.json',
      sha: base,
      inputs: { decision: 'cutover' },
      notReadByCommands: NOT_READ,
    });
    expect(run.outputs['blocking-checks'] ?? '').toContain('gate.integrity');
    // Why, in full: no ref to read at (none is guessed), and what git and the API each said.
    expect(run.summary).toContain(
      "cannot read the policy: no trusted ref: the tip of the default branch 'master' is not in this clone and could not be looked up (no refs/remotes/origin/master here; the token cannot read the branch 'master' (HTTP 404; needs `contents: read`))",
    );
  });
});

describe('shallow clone (fetch-depth: 1) on pull_request', () => {
  let shallow: string;
  beforeAll(() => {
    shallow = join(dir, `shallow`);
    execFileSync('git', [
      'clone',
      '-q',
      '--depth',
      '1',
      '--branch',
      'merged',
      `file://${repo}`,
      shallow,
    ]);
  });

  it('reads the policy at the first parent through the contents API', async () => {
    expect(() => git(shallow, 'cat-file', '-e', `${fresher}^{commit}`)).toThrow();
    gh.contents.set(`${fresher}:${CONFIG}`, readFileSync(join(shallow, CONFIG), 'utf8'));
    const run = await runAction({
      workspace: shallow,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: prPayload(),
      sha: merge,
      inputs: { decision: 'rehearsal' },
      notReadByCommands: NOT_READ,
    });
    const reads = gh.requests.filter(
      (r) => r.operation === 'GET /repos/{owner}/{repo}/contents/{path}',
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]!.query.ref).toBe(fresher);
    expect(reads[0]!.path).toContain('cutover-checkpoint.yml');
    expect(run.outputs.rehearsal).toBeTruthy();
  });

  it('API 404: gate.integrity is an error naming fetch-depth: 0, the cutover is not GO', async () => {
    const run = await runAction({
      workspace: shallow,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: prPayload(),
      sha: merge,
      inputs: { decision: 'cutover' },
      notReadByCommands: NOT_READ,
    });
    expect(run.outputs.cutover).not.toBe('GO');
    expect(run.outputs['blocking-checks']).toContain('gate.integrity');
    expect(run.summary).toContain('fetch-depth: 0');
  });
});
