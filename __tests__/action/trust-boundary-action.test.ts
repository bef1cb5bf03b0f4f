// Issue 8 through the Action's composition root (in-process) on pull_request events with a real
// base commit: the PR's own changes to scripts or to its gate config cannot give its cutover a GO.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../support/demo-repo.js';
import { FakeGitHub } from '../github/fake-github.js';
import { fixturePayload, runActionInProcess as runAction } from './run-action.js';
import { headSha } from '../support/git-head.js';
import { execFileSync } from '../support/shell-sync.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CONFIG = '.github/cutover-checkpoint.yml';
const SCRIPT = 'scripts/verify_contract_parity.sh';
let repo: string;
let base: string;
let gh: FakeGitHub;

const git = (...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.email=t@t', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args],
    { cwd: repo, encoding: 'utf8' },
  ).trim();

/** A pull_request payload whose base is the real base commit of the demo repository. */
function payload(): Record<string, unknown> {
  const event = fixturePayload('pull_request.synchronize.json') as {
    pull_request: { base: { sha: string } };
  };
  event.pull_request.base.sha = base;
  return event;
}

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'cc-trust-')), 'repo');
  buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), repo);
  base = headSha(repo);
});
afterAll(() => rmSync(join(repo, '..'), { recursive: true, force: true }));
beforeEach(async () => {
  gh = await new FakeGitHub().start();
});
afterEach(async () => {
  await gh.stop();
  git('checkout', '-q', '-f', base);
});

describe('pull_request: policy and protected files from the base commit', () => {
  it('a PR that rewrites a script a command runs gets cutover NO-GO from gate.integrity, naming the script', async () => {
    const script = readFileSync(join(repo, SCRIPT), 'utf8');
    writeFileSync(join(repo, SCRIPT), `${script}\necho '40 passed, 0 failed'\n`);
    git('commit', '-qam', 'pr: tweak parity script');
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: payload(),
      inputs: { decision: 'cutover' },
    });
    expect(run.status).not.toBe(0);
    expect(run.outputs.cutover).toBe('NO-GO');
    expect(run.outputs['blocking-checks']).toContain('gate.integrity');
    expect(run.summary).toContain(`${SCRIPT}: changed (run by a verification command)`);
    expect(gh.checkRunUpdates.at(-1)).toMatchObject({ conclusion: 'failure' });
  });

  it('a PR whose config waives joint-decision.cutover fails the step naming file:line and the check, with no verdict output', async () => {
    appendFileSync(
      join(repo, CONFIG),
      '\nwaivers:\n  - {check: joint-decision.cutover, reason: ship it, owner: m, expires: 2099-01-01}\n',
    );
    git('commit', '-qam', 'pr: waive the sign-off');
    const run = await runAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: payload(),
      inputs: { decision: 'cutover' },
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toMatch(
      /\.github\/cutover-checkpoint\.yml:\d+:\d+: a waiver names the protected check 'joint-decision\.cutover'/,
    );
    expect(run.outputs.verdict ?? '').toBe('');
    expect(run.outputs.cutover ?? '').toBe('');
  });
});
