// Runs the built CLI as a user would: a real process, real files, real git.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

/** A stack frame line, which must never reach a user. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|native\)?)$/m;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `cutover-checkpoint ...args` in `cwd`, with a hard timeout so a hang fails the test. */
export function cli(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const start = Date.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    // Not under Actions unless a test says so: the CLI then wraps what it echoes (stop-commands).
    env: {
      ...process.env,
      NO_COLOR: '1',
      CUTOVER_CHECKPOINT_DEBUG: '',
      GITHUB_ACTIONS: '',
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    ms: Date.now() - start,
  };
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
