// Runs one git command in the workspace with the minimal child environment. git is found on PATH
// once per process (not by execvp through every PATH directory on every call).

import { execFile } from 'node:child_process';
import { buildChildEnv } from './child-env.js';
import { findExecutable } from './path-search.js';

const GIT_TIMEOUT_MS = 15_000;

/** What one git command said; `missing`: git is not installed or not on PATH. */
export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  missing?: boolean;
  bytes: Buffer;
}

/** Runs `git ...args` in `cwd`; never rejects (a failure is `ok: false`). */
export function git(cwd: string, args: string[]): Promise<GitResult> {
  // GIT_NO_LAZY_FETCH: a partial clone must not fetch missing objects from the network.
  const env = buildChildEnv(process.env, {
    kind: 'git',
    set: { GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1', LC_ALL: 'C' },
  });
  // Windows needs PATHEXT resolution: leave it to the spawn there.
  const file = process.platform === 'win32' ? 'git' : findExecutable('git', env.PATH ?? '');
  if (!file)
    return Promise.resolve({
      ok: false,
      stdout: '',
      stderr: '',
      missing: true,
      bytes: Buffer.alloc(0),
    });
  return new Promise((resolvePromise) => {
    execFile(
      file,
      args,
      { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer', env },
      (error, stdout, stderr) => {
        resolvePromise({
          ok: !error,
          stdout: stdout.toString('utf8'),
          stderr: stderr.toString('utf8'),
          missing: (error as NodeJS.ErrnoException | null)?.code === 'ENOENT',
          bytes: stdout,
        });
      },
    );
  });
}
