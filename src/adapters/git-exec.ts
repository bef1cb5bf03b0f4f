// Runs one git command in the workspace with the minimal child environment. git is found on PATH
// once per process (not by execvp through every PATH directory on every call).
//
// Git saying "no" (a ref it does not know, a path the ref lacks, `--is-ancestor` false) is an
// answer; git failing (not installed, killed, timed out, not a repository, refusing a dubious
// owner, a missing or corrupt object) is not, and the two never share a shape: a caller that takes
// a failure for "no" would judge a tag absent or a policy file deleted because a process timed
// out. Which exit is "no" is the caller's to say, per question (git-no.ts): git exits 128 for both.

import { buildChildEnv } from './child-env.js';
import { execFileLauncher, type LaunchError, type Launcher } from './exec-file.js';
import { findExecutable } from './path-search.js';
import { saidNo, type SaysNo } from './git-no.js';
import type { CouldNot } from '../core/outcome.js';

const GIT_TIMEOUT_MS = 15_000;
const GIT_MAX_BUFFER = 64 * 1024 * 1024;

/**
 * What one git command said.
 * - `ok`: exit 0; `stdout` decoded as UTF-8, `bytes` as written.
 * - `said-no`: git exited as the question's `no` says it answers "no" (git-no.ts).
 * - `unavailable`: git could not answer (see `reason`, naming git's own words, with the error as
 *   `cause`): any other non-zero exit, or no exit at all. The answer is unknown, never "no".
 */
export type GitResult =
  | { kind: 'ok'; stdout: string; stderr: string; bytes: Buffer }
  | { kind: 'said-no'; exitCode: number; stdout: string; stderr: string }
  | (CouldNot & { stderr: string });

/** stderr of a git that could not look at the repository at all (LC_ALL=C: English). */
const NO_REPOSITORY =
  /not a git repository|detected dubious ownership|unsafe repository|not in a git directory/i;

/**
 * Runs `git ...args` in `cwd`; never rejects (every outcome is a GitResult). `no` is the failure
 * that answers this question "no"; without it every non-zero exit is `unavailable`. Tests count
 * calls.
 */
export type GitRunner = (cwd: string, args: string[], no?: SaysNo) => Promise<GitResult>;

/** A question asked by more than one caller (and prefetched): its arguments and its "no". */
export interface GitQuestion {
  readonly args: readonly string[];
  readonly no?: SaysNo;
}

/** The product's git: processes started by execFile. */
export const git = createGitRunner(execFileLauncher);

/**
 * A `git` that starts its processes through `launch` (tests pass one that forks a small shell
 * instead of their own large process); how an outcome is read is the same for every launcher.
 */
export function createGitRunner(launch: Launcher): GitRunner {
  return async (cwd, args, no) => {
    // GIT_NO_LAZY_FETCH: a partial clone must not fetch missing objects from the network.
    const env = buildChildEnv(process.env, {
      kind: 'git',
      set: { GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1', LC_ALL: 'C' },
    });
    // Windows needs PATHEXT resolution: leave it to the spawn there.
    const file = process.platform === 'win32' ? 'git' : findExecutable('git', env.PATH ?? '');
    if (!file)
      return { kind: 'unavailable', reason: 'git is not installed or not on PATH', stderr: '' };
    const { error, stdout, stderr } = await launch(file, args, {
      cwd,
      env,
      timeout: GIT_TIMEOUT_MS,
      maxBuffer: GIT_MAX_BUFFER,
    });
    const err = stderr.toString('utf8');
    if (!error) return { kind: 'ok', stdout: stdout.toString('utf8'), stderr: err, bytes: stdout };
    const code = error.code;
    if (saidNo(no, code, err))
      return { kind: 'said-no', exitCode: code, stdout: stdout.toString('utf8'), stderr: err };
    return {
      kind: 'unavailable',
      reason: describeFailure(args[0] ?? '', error, code, err, cwd),
      cause: error,
      stderr: err,
    };
  };
}

/** One sentence on why `git <subcommand>` could not answer. */
function describeFailure(
  subcommand: string,
  error: LaunchError,
  code: unknown,
  stderr: string,
  cwd: string,
): string {
  // An exit with nothing said (`--quiet`) is just its code; the error's message repeats the command.
  const said = gitSays(stderr) || (typeof code === 'number' ? '' : error.message);
  if (code === 'ENOENT') return 'git is not installed or not on PATH';
  if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
    return `git ${subcommand} wrote more than ${GIT_MAX_BUFFER / 1024 / 1024} MiB`;
  if (error.killed || error.signal)
    return error.signal === 'SIGTERM' && error.killed
      ? `git ${subcommand} did not answer within ${GIT_TIMEOUT_MS / 1000} s`
      : `git ${subcommand} was killed (${error.signal ?? 'signal'})`;
  if (NO_REPOSITORY.test(stderr)) return `${cwd} is not a git repository (${said})`;
  const exit = typeof code === 'number' ? `exit ${code}` : '';
  return `git ${subcommand} failed (${[exit, said].filter(Boolean).join(': ')})`;
}

/**
 * The line of git's stderr that says what went wrong: the first `fatal:` or `error:` line (a
 * `warning:` or `hint:` before it only sets the scene), else the first line; '' when none.
 */
export function gitSays(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return (lines.find((line) => /^(fatal|error): /.test(line)) ?? lines[0] ?? '').trim();
}

/** What a git that did not answer "yes" said: its failure, or the words of its "no". */
export function whyNot(result: GitResult, fallback: string): string {
  if (result.kind === 'unavailable') return result.reason;
  return gitSays(result.stderr) || fallback;
}
