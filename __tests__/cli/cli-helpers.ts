// Runs the built CLI as a user would: real files, real git, real commands. `cli` calls the built
// bundle's main (dist/, the same code `node dist/cli.js` runs) in this process with captured
// streams: a process start and the bundle's load cost ~0.4 s of CPU per run, and the suite runs
// the CLI over a hundred times. `cliProcess` is the real `node dist/cli.js` (exit codes, streams,
// signals): keep it for the few smoke tests that are about the process itself.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { CliIo } from '../../src/cli/main.js';
import { shellGit } from '../support/shell-launcher.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** A stack frame line, which must never reach a user. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|native\)?)$/m;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

type Main = (argv: string[], io: CliIo) => Promise<number>;
let builtMain: Promise<Main> | undefined;

/**
 * The `main` of the built CLI: dist/cli.js asks git its first questions and runs main from
 * dist/cli-main.cjs (through V8's code cache); here that same file is required.
 */
export function loadBuiltMain(): Promise<Main> {
  builtMain ??= (async () => {
    const module = createRequire(import.meta.url)(join(ROOT, 'dist', 'cli-main.cjs')) as {
      main?: unknown;
    };
    if (typeof module.main !== 'function') throw new Error('dist/cli-main.cjs exports no main');
    return module.main as Main;
  })();
  return builtMain;
}

/** The environment a test's CLI run sees: not under Actions unless a test says so. */
function environment(env: Record<string, string>): Record<string, string | undefined> {
  // Not under Actions unless a test says so: the CLI then wraps what it echoes (stop-commands).
  return {
    ...process.env,
    NO_COLOR: '1',
    CUTOVER_CHECKPOINT_DEBUG: '',
    GITHUB_ACTIONS: '',
    ...env,
  };
}

/** Runs in flight (shards run concurrently) and the process state before the first of them. */
let inFlight = 0;
let baseline: ReturnType<typeof globalState> | undefined;

/**
 * Runs `cutover-checkpoint ...args` in `cwd` through the built bundle's main, in this process.
 * Rejects when the last run in flight leaves state behind (see `leftNothingBehind`).
 */
export async function cli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  // Taken before anything is awaited, so nothing done after the call escapes the comparison.
  if (inFlight++ === 0) baseline = globalState();
  let stdout = '';
  let stderr = '';
  let status: number;
  try {
    const main = await loadBuiltMain();
    status = await main(args, {
      stdout: { write: (text) => void (stdout += text), isTTY: false },
      stderr: { write: (text) => void (stderr += text), isTTY: false, writableLength: 0 },
      env: environment(env),
      version: VERSION,
      cwd: resolve(cwd),
      git: shellGit,
    });
  } finally {
    inFlight--;
  }
  if (inFlight === 0) await leftNothingBehind(baseline!, args);
  return { status, stdout, stderr };
}

/** What a run in this process could leave behind for the next test. */
function globalState() {
  const resources = process.getActiveResourcesInfo();
  return {
    cwd: process.cwd(),
    exitCode: process.exitCode,
    env: JSON.stringify(process.env),
    listeners: ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit', 'uncaughtException', 'unhandledRejection']
      .map((event) => `${event}:${process.listenerCount(event)}`)
      .join(' '),
    // Child processes and timers still held (file requests finish on their own and are not counted).
    children: resources.filter((r) => r === 'ProcessWrap').length,
    timers: resources.filter((r) => r === 'Timeout').length,
  };
}

/**
 * Throws when the CLI left state in this process that a real run would have taken with it: a
 * changed cwd, env or exit code, a signal listener, or (after a moment to close what just ended) a
 * child process or timer.
 */
async function leftNothingBehind(before: ReturnType<typeof globalState>, args: string[]) {
  let after = globalState();
  for (
    let waited = 0;
    waited < 500 && (after.children > before.children || after.timers > before.timers);
    waited += 10
  ) {
    await new Promise((settle) => setTimeout(settle, 10));
    after = globalState();
  }
  const changed = (Object.keys(before) as (keyof typeof before)[]).filter((key) =>
    key === 'children' || key === 'timers' ? after[key] > before[key] : after[key] !== before[key],
  );
  if (changed.length > 0)
    throw new Error(
      `cutover-checkpoint ${args.join(' ')} left state behind in the test process: ${changed
        .map((key) => `${key} ${String(before[key])} → ${String(after[key])}`)
        .join('; ')}`,
    );
}

/** Runs `node dist/cli.js ...args` in `cwd` as a real process, with a hard timeout. */
export function cliProcess(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: environment(env),
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temp workspace with the given files. */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
