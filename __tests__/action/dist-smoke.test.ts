// The built dist/index.js as the runner starts it (a child process, INPUT_* variables, the files
// @actions/core writes), against the local OpenAPI-validated GitHub: a handful of smoke runs that
// prove the bundle wires the same composition root the in-process tests exercise (action.test.ts).
// The first run (a push) compiles the bundle and keeps its code cache in a directory of its own;
// the others then start from that cache, as later jobs on a self-hosted runner do, and run
// concurrently, each with its own server and copy of the workspace: most of a run is the client's
// second between two writes (GitHub asks for it; the bundle keeps it), not work.
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, it, type TestContext } from 'vitest';
import { TAG_LIST } from '../../src/adapters/git-facts.js';
import { findExecutable } from '../../src/adapters/path-search.js';
import { expectConforming, FakeGitHub } from '../github/fake-github.js';
import { brokenMainPreload } from '../support/broken-main.js';
import { gitWorkspace } from './git-workspace.js';
import { fixturePayload, runDistAction, TOKEN, type ActionRun } from './run-action.js';
import { headSha } from '../support/git-head.js';

const MARKER = '<!-- cutover-checkpoint:gate=Cutover%20checkpoint -->';
/** A small gate (one document, two commands: one checks a file, one prints). */
let small: string;
const copies: string[] = [];
/** The bundle's code cache, written by the first run (a push) and read by all later ones. */
let cache: string;
/** The first run: a push, cold (no code cache yet), against a local GitHub of its own. */
let push: {
  run: ActionRun;
  gh: FakeGitHub;
  repo: string;
  cacheFiles: string[];
  written: number;
  /** The arguments of every git the run started, one line each (through a logging `git` first on PATH). */
  gitCalls: string[];
};

beforeAll(async () => {
  small = gitWorkspace({
    '.github/cutover-checkpoint.yml': [
      'version: 1',
      'gate: {name: smoke}',
      'documents:',
      '  - {id: readme, path: README.md}',
      'commands:',
      "  - {id: hello, run: 'test -f README.md'}",
      "  - {id: count-lines, run: 'wc -l README.md'}",
      '',
    ].join('\n'),
    'README.md': '# Smoke\n',
  });
});
beforeAll(async () => {
  cache = mkdtempSync(join(tmpdir(), 'cc-action-code-cache-'));
  const gh = await new FakeGitHub().start();
  const repo = workspace();
  const shim = join(cache, '..', `${basename(cache)}-git`);
  writeFileSync(join(shim, '..', `${basename(shim)}.log`), '');
  const log = join(shim, '..', `${basename(shim)}.log`);
  copies.push(shim, log);
  mkdirSync(shim);
  writeFileSync(
    join(shim, 'git'),
    `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${findExecutable('git', process.env.PATH ?? '')}' "$@"\n`,
  );
  chmodSync(join(shim, 'git'), 0o755);
  const run = await runDistAction({
    workspace: repo,
    apiUrl: gh.url,
    event: 'push',
    payload: 'push.json',
    sha: 'c'.repeat(40),
    env: { CUTOVER_CHECKPOINT_CODE_CACHE: cache, PATH: `${shim}:${process.env.PATH ?? ''}` },
  });
  const cacheFiles = readdirSync(cache);
  const written = cacheFiles.length === 1 ? statSync(join(cache, cacheFiles[0]!)).mtimeMs : NaN;
  const gitCalls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  push = { run, gh, repo, cacheFiles, written, gitCalls };
});
afterAll(async () => {
  await push?.gh.stop();
  for (const dir of [small, cache, ...copies]) rmSync(dir, { recursive: true, force: true });
});

/** This test's own copy of the small gate's repository (same commit, same files). */
function workspace(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cc-action-dist-')), 'repo');
  copies.push(join(dir, '..'));
  cpSync(small, dir, { recursive: true });
  return dir;
}

/**
 * This test's own local GitHub; when the test finishes, every request it saw and every answer it
 * gave must conform to GitHub's OpenAPI description, and the server stops.
 */
async function github({ expect, onTestFinished }: TestContext): Promise<FakeGitHub> {
  const gh = await new FakeGitHub().start();
  onTestFinished(async () => {
    try {
      expectConforming(gh, expect);
    } finally {
      await gh.stop();
    }
  });
  return gh;
}

/** The environment of a run after the first: the code cache the first run wrote. */
const warm = () => ({ CUTOVER_CHECKPOINT_CODE_CACHE: cache });

const warnings = (stdout: string) =>
  stdout.split('\n').filter((line) => line.startsWith('::warning'));

describe.concurrent('dist/index.js', () => {
  it('push: check run in progress then completed, outputs in GITHUB_OUTPUT, token masked', ({
    expect,
  }) => {
    const { run, gh, repo } = push;
    expectConforming(gh, expect);
    expect(run.status, run.stdout).toBe(0);
    // The bundle's compiled code is kept for the next job on this runner (code-cache.ts).
    expect(push.cacheFiles).toEqual([expect.stringMatching(/-action\.bin$/)]);
    // Each start-up question (HEAD's commit, the repository probe with HEAD's sha, the tag list)
    // went to one git process, started by the entry before the bundle was compiled and answered to
    // every asker in the main bundle; and the base branch's tip, for the trusted policy.
    expect(push.gitCalls.map((call) => call.split(' ').slice(0, 2).join(' ')).sort()).toEqual(
      [
        'cat-file -p',
        'rev-parse --is-inside-work-tree',
        TAG_LIST.args.slice(0, 2).join(' '),
        'rev-parse --verify',
      ].sort(),
    );
    expect(gh.writes().map((r) => r.operation)).toEqual([
      'POST /repos/{owner}/{repo}/check-runs',
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    ]);
    // On the pushed commit, which the checkout made HEAD (the harness names it in the payload).
    const head = headSha(repo);
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
    expect(run.stdout).toContain('[count-lines] 1 README.md');
    expect(run.stdout).toMatch(/^::group::✓ count-lines in /m);
    expect(run.stdout).toMatch(/^::group::✓ hello in /m);
    expect(run.stdout).toContain('::notice::rehearsal verdict: GO');
  });

  it('pull_request: two overlapping runs (two processes) that both find no comment leave exactly one, and the report in GITHUB_STEP_SUMMARY', async (context) => {
    const { expect } = context;
    const gh = await github(context);
    const bothListed = gh.barrier('GET', /\/issues\/2\/comments$/, 2);
    // Two jobs, two checkouts of the same commit: runs that shared one workspace would also share
    // its evidence directory, where the second to create a log file is refused (output-dir.ts).
    const pr = () =>
      runDistAction({
        workspace: workspace(),
        apiUrl: gh.url,
        event: 'pull_request',
        payload: 'pull_request.synchronize.json',
        env: warm(),
      });
    const runs = await Promise.all([pr(), pr()]);
    expect(await bothListed).toBe(true);
    for (const run of runs) expect(run.status, run.stdout).toBe(0);
    expect(
      gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/2/comments')),
    ).toHaveLength(2);
    expect(gh.comments.get(2)).toHaveLength(1);
    expect(gh.comments.get(2)![0]!.body).toContain(MARKER);
    expect(runs.map((r) => r.outputs['comment-id'])).toEqual([
      String(gh.comments.get(2)![0]!.id),
      String(gh.comments.get(2)![0]!.id),
    ]);
    // Both read the code cache the first run wrote; neither wrote it again.
    expect(statSync(join(cache, push.cacheFiles[0]!)).mtimeMs).toBe(push.written);
    // Each step's summary: the heading names both decisions; the gate name follows it.
    for (const run of runs)
      expect(run.summary).toMatch(
        /^# ✅ Rehearsal GO · ❌ Runtime cutover NO-GO\n[^]*\nGate \*\*smoke\*\*/,
      );
  });

  it('an invalid input fails the step (exit 1) and still completes a failed check run', async (context) => {
    const { expect } = context;
    const gh = await github(context);
    const run = await runDistAction({
      workspace: workspace(),
      apiUrl: gh.url,
      event: 'push',
      payload: 'push.json',
      inputs: { decision: 'launch' },
      env: warm(),
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "::error::cutover-checkpoint could not run: Invalid input 'decision': 'launch'. Expected one of: rehearsal, cutover.",
    );
    expect(gh.checkRunUpdates).toEqual([
      expect.objectContaining({ conclusion: 'failure', status: 'completed' }),
    ]);
  });

  it('an unusable config is an error annotation at the file in the runner’s syntax', async (context) => {
    const { expect } = context;
    const gh = await github(context);
    const run = await runDistAction({
      workspace: workspace(),
      apiUrl: gh.url,
      event: 'push',
      payload: 'push.json',
      inputs: { config: 'missing.yml' },
      env: warm(),
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=missing.yml.*::config not found at missing.yml/m);
  });

  it('a fork PR answering 403 is one ::warning:: line; the verdict and summary stand', async (context) => {
    const { expect } = context;
    const gh = await github(context);
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
      workspace: workspace(),
      apiUrl: gh.url,
      event: 'pull_request',
      payload,
      env: warm(),
    });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe('GO');
    expect(run.summary).toContain('smoke');
    // The 403s, said once.
    expect(warnings(run.stdout)).toHaveLength(1);
    expect(warnings(run.stdout)[0]).toContain('needs `checks: write`');
  });

  // The entry's own faults, with Node told only to warn about unhandled rejections: a run that
  // rejects or never settles fails the step (never a green step with no verdict), and a fault's
  // text stays one ::error:: line.
  it.for<[string, string]>([
    ['rejects', 'Promise.reject(new Error("run broke\\n::set-output name=verdict::GO"))'],
    ['never settles', 'new Promise(() => {})'],
  ])('a run that %s fails the step', async ([what, body], { expect }) => {
    const repo = workspace();
    const preload = brokenMainPreload(join(repo, '..'), 'run', body);
    const run = await runDistAction({
      workspace: repo,
      event: 'push',
      payload: 'push.json',
      env: { NODE_OPTIONS: `--unhandled-rejections=warn --require ${preload}` },
    });
    expect(run.status).toBe(1);
    expect(run.outputs).toEqual({});
    if (what === 'rejects')
      expect(run.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([
        expect.stringMatching(
          /^::error::cutover-checkpoint could not run: internal fault: Error: run broke%0A::set-output name=verdict::GO%0A/,
        ),
      ]);
  });
});
