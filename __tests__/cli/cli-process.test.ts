// Smoke runs of `node dist/cli.js` as a real process: what only the process shows (the entry's
// version, exit status, which stream gets what). Behaviour is tested through `cli` (the same
// bundle's main in the test process); Ctrl-C on a real process is in runner-e2e.test.ts.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenMainPreload } from '../support/broken-main.js';
import { cliProcess, ROOT, STACK_TRACE, workspace, type CliRun } from './cli-helpers.js';

const CONFIG = `version: 1\ngate: {name: smoke}\ndocuments:\n  - {id: readme, path: README.md, contains: [rollback]}\n`;
const dir = workspace({
  '.github/cutover-checkpoint.yml': CONFIG,
  'README.md': '# svc\nrollback: redeploy the previous tag\n',
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * One sequence of runs with a code cache of their own, shared by the tests below (each process
 * costs a few hundred milliseconds of CPU): a gate that cannot run, `--version`, then a GO twice;
 * with the cache directory's files after each step.
 */
const cache = join(dir, '..', `${dir.split('/').pop()}-code-cache`);
let sequence: {
  cannotRun: CliRun;
  version: CliRun;
  first: CliRun;
  second: CliRun;
  /** The cache's files after the runs that must not write it, after the first GO, after the second. */
  files: { beforeGo: string[]; afterFirst: string[]; afterSecond: string[] };
  written: { first: number; second: number };
};
beforeAll(() => {
  const env = { CUTOVER_CHECKPOINT_CODE_CACHE: cache };
  const cannotRun = cliProcess(['run', '--config', 'missing.yml'], dir, env);
  const version = cliProcess(['--version'], dir, env);
  const beforeGo = readdirSync(cache);
  const first = cliProcess(['validate'], dir, env);
  const afterFirst = readdirSync(cache);
  const mtime = () => statSync(join(cache, readdirSync(cache)[0]!)).mtimeMs;
  const writtenFirst = afterFirst.length === 1 ? mtime() : NaN;
  const second = cliProcess(['validate'], dir, env);
  sequence = {
    cannotRun,
    version,
    first,
    second,
    files: { beforeGo, afterFirst, afterSecond: readdirSync(cache) },
    written: { first: writtenFirst, second: afterFirst.length === 1 ? mtime() : NaN },
  };
});
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('node dist/cli.js', () => {
  it('--version prints the version built into the bundle', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(sequence.version).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('GO exits 0 with the verdict on stdout and progress on stderr; --json is JSON alone', () => {
    const run = sequence.first;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Verdict (rehearsal): GO');
    expect(run.stderr).toContain('Collecting evidence for smoke');
    const json = cliProcess(['validate', '--json', '--out', 'json'], dir);
    expect(json.status).toBe(0);
    expect((JSON.parse(json.stdout) as { verdict: string }).verdict).toBe('GO');
  });

  it('NO-GO exits 1 and a gate that cannot run exits 3, with a message and no stack trace', () => {
    const bare = workspace({ '.github/cutover-checkpoint.yml': CONFIG });
    const nogo = cliProcess(['validate'], bare);
    rmSync(bare, { recursive: true, force: true });
    expect(nogo.status, nogo.stderr).toBe(1);
    expect(nogo.stdout).toContain('blocked by document.readme');
    const broken = sequence.cannotRun;
    expect(broken.status).toBe(3);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain('config not found at missing.yml');
    expect(nogo.stdout + nogo.stderr + broken.stderr).not.toMatch(STACK_TRACE);
  });

  it('keeps its compiled code in a private cache: the second run reads it and says the same', () => {
    // A run that stops before a verdict compiled a fraction of the pipeline: it writes no cache,
    // which would be kept (and make every later run compile the rest) until the bundle changes.
    // Nor does a one-off command (--version, --help, init): its kind shares one cache.
    expect([sequence.cannotRun.status, sequence.version.status]).toEqual([3, 0]);
    expect(sequence.files.beforeGo).toEqual([]);
    expect(sequence.files.afterFirst).toEqual([
      expect.stringMatching(/^[0-9a-f]{32}-v[\d.]+-\w+-validate\.bin$/),
    ]);
    // Taken, not written again; and with it the run says exactly what it said.
    expect(sequence.files.afterSecond).toEqual(sequence.files.afterFirst);
    expect(sequence.written.second).toBe(sequence.written.first);
    expect(sequence.second).toEqual(sequence.first);
    expect(sequence.second.status, sequence.second.stderr).toBe(0);
  });

  // The entry's own faults, with Node told only to warn about unhandled rejections (a setting a
  // runner may carry in NODE_OPTIONS): a preload swaps the bundle's main for one that rejects or
  // one that never settles. Neither may end as 0 (GO); both are 3, the gate could not run. Under
  // GitHub Actions a fault's text cannot issue a workflow command.
  it.each([
    [
      'rejects',
      'Promise.reject(new Error("main broke\\n::set-output name=verdict::GO"))',
      /internal fault: Error: main broke\n::set-output name=verdict::GO\n/,
    ],
    ['never settles', 'new Promise(() => {})', /^$/],
  ])('a main that %s exits 3, never 0', (_, body, stderr) => {
    const preload = brokenMainPreload(join(dir, '..'), 'main', body);
    const run = cliProcess(['--version'], dir, {
      NODE_OPTIONS: `--unhandled-rejections=warn --require ${preload}`,
      CUTOVER_CHECKPOINT_CODE_CACHE: 'off',
      GITHUB_ACTIONS: 'true',
    });
    rmSync(preload);
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(stderr);
    // The fault's text, workflow command and all, only between stop-commands and its resume.
    const commands = run.stderr.split('\n').filter((line) => line.startsWith('::'));
    expect(commands).toEqual(
      run.stderr === ''
        ? []
        : [
            expect.stringMatching(/^::stop-commands::([0-9a-f]{32})$/),
            '::set-output name=verdict::GO',
            `::${commands[0]!.slice('::stop-commands::'.length)}::`,
          ],
    );
  });
});
