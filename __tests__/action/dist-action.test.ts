// Runs the built dist/index.js the way the runner does: INPUT_* variables with action.yml defaults
// applied, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_WORKSPACE pointing at a repository.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without types
import { buildDemoRepo } from '../../scripts/demo-repo.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};
let repo: string;

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'cc-action-')), 'repo');
  buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), repo);
});
afterAll(() => rmSync(join(repo, '..'), { recursive: true, force: true }));

/** Runs the action with `inputs` over action.yml's defaults; returns exit code, outputs, summary. */
function runAction(inputs: Record<string, string>) {
  const outputFile = join(repo, '..', `output-${Math.random().toString(36).slice(2)}`);
  const summaryFile = `${outputFile}-summary`;
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    GITHUB_WORKSPACE: repo,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/memory-kernel',
    GITHUB_RUN_ID: '42',
    GITHUB_SERVER_URL: 'https://github.example',
  };
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = inputs[name] ?? spec.default ?? '';
    env[`INPUT_${name.toUpperCase()}`] =
      value === '${{ github.token }}' ? 'ghs_exampletoken000000000000000000000000' : value;
  }
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'index.js')], {
    cwd: repo,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const outputs: Record<string, string> = {};
  const text = readFileSync(outputFile, 'utf8');
  for (const match of text.matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm))
    outputs[match[1]!] = match[3]!;
  return {
    status: result.status,
    stdout: result.stdout,
    outputs,
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

describe('dist/index.js run like the runner', () => {
  it('rehearsal: step succeeds with outputs and the job summary', () => {
    const run = runAction({});
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({
      verdict: 'GO',
      rehearsal: 'GO',
      cutover: 'NO-GO',
      'blocking-checks': '',
    });
    expect(run.outputs.record).toBe(join(repo, 'checkpoint-evidence', 'decision-record.json'));
    expect(run.summary).toContain('# ✅ service-v3-cutover: GO');
    expect(run.summary).toContain(
      '[workflow run](https://github.example/acme/memory-kernel/actions/runs/42)',
    );
    // Two CPUs → commands run in parallel: prefixed live lines, then one group per command.
    expect(run.stdout).toMatch(/^\[unit-tests\] /m);
    expect(run.stdout).toMatch(/^::group::✓ unit-tests in \d/m);
    const logged = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(logged.join('\n')).not.toContain('ghs_exampletoken');
  });

  it('cutover: outputs and summary are written first, then the step fails with one line', () => {
    const run = runAction({ decision: 'cutover' });
    expect(run.status).toBe(1);
    expect(run.outputs).toMatchObject({
      verdict: 'NO-GO',
      'blocking-checks': 'joint-decision.cutover',
    });
    expect(run.summary).toContain('Runtime cutover (requested)');
    expect(run.stdout).toContain(
      '::error::cutover verdict: NO-GO (blocked pending explicit joint cutover gate completion) (blocked by joint-decision.cutover)',
    );
  });

  it('fail-on: never keeps the step green on NO-GO', () => {
    expect(runAction({ decision: 'cutover', 'fail-on': 'never' }).status).toBe(0);
  });

  it('a bad input fails the step naming the input and what is expected', () => {
    const run = runAction({ decision: 'launch' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "Invalid input 'decision': 'launch'. Expected one of: rehearsal, cutover.",
    );
  });

  it('a bad config is annotated at its file and line', () => {
    const run = runAction({ config: 'missing.yml' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error file=missing.yml.*::config not found at missing.yml/);
  });
});
