// The built dist/index.js as the runner starts it (a child process, INPUT_* variables, the files
// @actions/core writes), against the local OpenAPI-validated GitHub: a handful of smoke runs that
// prove the bundle wires the same composition root the in-process tests exercise (action.test.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../support/demo-repo.js';
import { FakeGitHub } from '../github/fake-github.js';
import { gitWorkspace } from './git-workspace.js';
import { fixturePayload, runDistAction, TOKEN } from './run-action.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MARKER = '<!-- cutover-checkpoint:gate=Cutover%20checkpoint -->';
let repo: string;
/** A small gate (one document, one command) for the runs that are not about the demo's verdict. */
let small: string;
let gh: FakeGitHub;

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'cc-action-dist-')), 'repo');
  buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), repo);
  small = gitWorkspace({
    '.github/cutover-checkpoint.yml':
      "version: 1\ngate: {name: smoke}\ndocuments:\n  - {id: readme, path: README.md}\ncommands:\n  - {id: hello, run: 'test -f README.md'}\n",
    'README.md': '# Smoke\n',
  });
});
afterAll(() => {
  rmSync(join(repo, '..'), { recursive: true, force: true });
  rmSync(small, { recursive: true, force: true });
});
beforeEach(async () => {
  gh = await new FakeGitHub().start();
});
afterEach(async () => {
  for (const request of gh.requests) {
    expect(request.errors, `${request.operation}`).toEqual([]);
    expect(request.responseErrors, `response to ${request.operation}`).toEqual([]);
  }
  await gh.stop();
});

const warnings = (stdout: string) =>
  stdout.split('\n').filter((line) => line.startsWith('::warning'));

describe('dist/index.js', () => {
  it('push: check run in progress then completed, outputs in GITHUB_OUTPUT, token masked', async () => {
    const run = await runDistAction({
      workspace: repo,
      apiUrl: gh.url,
      event: 'push',
      payload: 'push.json',
      sha: 'c'.repeat(40),
    });
    expect(run.status, run.stdout).toBe(0);
    // Writes only: the verified sign-off also reads the merged PR's reviews and run approvals.
    expect(gh.writes().map((r) => r.operation)).toEqual([
      'POST /repos/{owner}/{repo}/check-runs',
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    ]);
    // On the pushed commit, which the checkout made HEAD (the harness names it in the payload).
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo }).toString().trim();
    expect(gh.writes()[0]!.body).toMatchObject({ head_sha: head, status: 'in_progress' });
    const id = [...gh.checkRuns.keys()][0]!;
    expect(run.outputs).toMatchObject({
      verdict: 'GO',
      rehearsal: 'GO',
      cutover: 'NO-GO',
      'check-run-id': String(id),
      'comment-id': '',
    });
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(
      run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(TOKEN);
    // Commands run in parallel: output streams prefixed, each one's tail grouped when it ends.
    expect(run.stdout).toContain('[unit-tests] TAP version 13');
    expect(run.stdout).toMatch(/^::group::✓ verify-contract-parity in /m);
    expect(run.stdout).toContain('::notice::rehearsal verdict: GO');
  });

  it('pull_request: the sticky comment on the PR and the report in GITHUB_STEP_SUMMARY', async () => {
    const run = await runDistAction({
      workspace: small,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: 'pull_request.synchronize.json',
    });
    expect(run.status, run.stdout).toBe(0);
    expect(gh.comments.get(2)).toHaveLength(1);
    expect(gh.comments.get(2)![0]!.body).toContain(MARKER);
    expect(run.outputs['comment-id']).toBe(String(gh.comments.get(2)![0]!.id));
    // The heading names both decisions; the gate name follows it.
    expect(run.summary).toMatch(
      /^# ✅ Rehearsal GO · ❌ Runtime cutover NO-GO\n[^]*\nGate \*\*smoke\*\*/,
    );
  });

  it('two overlapping runs (two processes) that both find no comment leave exactly one', async () => {
    const bothListed = gh.barrier('GET', /\/issues\/2\/comments$/, 2);
    const pr = () =>
      runDistAction({
        workspace: small,
        apiUrl: gh.url,
        event: 'pull_request',
        payload: 'pull_request.synchronize.json',
      });
    const runs = await Promise.all([pr(), pr()]);
    expect(await bothListed).toBe(true);
    for (const run of runs) expect(run.status, run.stdout).toBe(0);
    expect(
      gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/2/comments')),
    ).toHaveLength(2);
    expect(gh.comments.get(2)).toHaveLength(1);
    expect(runs.map((r) => r.outputs['comment-id'])).toEqual([
      String(gh.comments.get(2)![0]!.id),
      String(gh.comments.get(2)![0]!.id),
    ]);
  });

  it('an invalid input fails the step (exit 1) and still completes a failed check run', async () => {
    const run = await runDistAction({
      workspace: small,
      apiUrl: gh.url,
      event: 'push',
      payload: 'push.json',
      inputs: { decision: 'launch' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "::error::cutover-checkpoint could not run: Invalid input 'decision': 'launch'. Expected one of: rehearsal, cutover.",
    );
    expect(gh.checkRunUpdates).toEqual([
      expect.objectContaining({ conclusion: 'failure', status: 'completed' }),
    ]);
  });

  it('an unusable config is an error annotation at the file in the runner’s syntax', async () => {
    const run = await runDistAction({
      workspace: small,
      apiUrl: gh.url,
      event: 'push',
      payload: 'push.json',
      inputs: { config: 'missing.yml' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=missing.yml.*::config not found at missing.yml/m);
  });

  it('a fork PR answering 403 is one ::warning:: line; the verdict and summary stand', async () => {
    const payload = fixturePayload('pull_request.synchronize.json') as {
      pull_request: { head: { repo: { full_name: string } } };
    };
    payload.pull_request.head.repo.full_name = 'forker/Hello-World';
    for (const path of [/check-runs$/, /comments$/])
      gh.faults.push({
        method: 'POST',
        path,
        status: 403,
        message: 'Resource not accessible by integration',
        times: Infinity,
      });
    const run = await runDistAction({
      workspace: small,
      apiUrl: gh.url,
      event: 'pull_request',
      payload,
    });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe('GO');
    expect(run.summary).toContain('smoke');
    // The 403s, said once.
    expect(warnings(run.stdout)).toHaveLength(1);
    expect(warnings(run.stdout)[0]).toContain('needs `checks: write`');
  });
});
