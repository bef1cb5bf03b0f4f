// Starts one verification command: checks its working directory, opens its log file in the
// evidence directory and spawns its shell in a process group of its own. A command that cannot
// start because of the outside world (a missing or escaping working directory, a log file that is
// a planted symlink or cannot be created, a spawn the system refuses) gets the reason instead, so
// the runner records it as not run; anything else is a fault in the gate and is thrown.

import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, realpathSync, statSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { CommandConfig } from '../core/config/config-types.js';
import type { Redactor } from '../core/redact.js';
import { listProcessIds, MARKER_VARIABLE } from './leftover-processes.js';
import { openOutputFile, UnsafeOutputError } from './output-dir.js';
import { isSystemError } from './system-error.js';
import { couldNot, ok, type Outcome } from '../core/outcome.js';

/** What starting a command needs (run-process.ts RunProcessOptions has them all). */
export interface StartOptions {
  root: string;
  /** The child's whole environment (see child-env.ts); the marker is added to it. */
  env: Record<string, string>;
  /** This command's marker value, to find what it leaves behind. */
  marker: string;
  logFile: string;
  redact: Redactor;
  defaultShell: ShellInvocation;
}

/** A command whose shell is running. */
export interface StartedCommand {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Its log file, opened afresh (never through a symlink). */
  log: WriteStream;
  /** The pids alive just before the spawn. */
  before: Set<number>;
}

/**
 * Starts `command`, or says why it could not start (`unavailable`, with the error as `cause` when
 * one was behind it). Throws only a fault (see describeStartFailure); then nothing was spawned and
 * the log file is closed.
 */
export function startCommand(
  command: CommandConfig,
  options: StartOptions,
): Outcome<StartedCommand> {
  const cwd = resolve(options.root, command.cwd);
  let logFd: number | undefined;
  let log: WriteStream | undefined;
  try {
    if (!existsSync(cwd) || !statSync(cwd).isDirectory())
      return couldNot(`working directory '${command.cwd}' does not exist`);
    const inside = relative(realpathSync(options.root), realpathSync(cwd));
    if (inside.startsWith('..') || isAbsolute(inside))
      return couldNot(
        `working directory '${command.cwd}' leads outside the workspace (through a symlink)`,
      );
    logFd = openOutputFile(options.logFile, options.root);
    log = createWriteStream(options.logFile, { fd: logFd });
    const shell = shellFor(command, options.defaultShell);
    // Processes alive before it started cannot carry its marker: the end-of-command sweep skips
    // them (a recycled pid is still caught by the run's final, full sweep).
    const before = listProcessIds();
    // Last: once it returns, nothing here throws, so a failure never leaves a process behind.
    const child = spawn(shell.file, [...shell.args, command.run], {
      cwd,
      env: { ...options.env, [MARKER_VARIABLE]: options.marker },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    return ok({ child, log, before });
  } catch (error) {
    if (log) log.destroy();
    else if (logFd !== undefined) closeSync(logFd);
    const failure = describeStartFailure(error);
    if (failure === undefined) throw error;
    return couldNot(`could not start: ${options.redact(failure)}`, error);
  }
}

/** A shell and the arguments that come before the command line. */
export interface ShellInvocation {
  file: string;
  args: readonly string[];
}

/** The shells the gate knows by name, as it runs them: bash with -eo pipefail, sh with -e. */
export const KNOWN_SHELLS = {
  bash: { file: 'bash', args: ['-eo', 'pipefail', '-c'] },
  sh: { file: 'sh', args: ['-e', '-c'] },
} as const satisfies Record<string, ShellInvocation>;

/** The shell invocation for a command: its `shell` (a known one, or `<program> -c`), else `fallback`. */
export function shellFor(command: CommandConfig, fallback: ShellInvocation): ShellInvocation {
  if (!command.shell) return fallback;
  if (command.shell === 'bash' || command.shell === 'sh') return KNOWN_SHELLS[command.shell];
  return { file: command.shell, args: ['-c'] };
}

/**
 * Why a command could not start, when `error` is an expected failure of the outside world: the
 * evidence directory refusing its log file (UnsafeOutputError), or a system call failing (an
 * error with an errno and a syscall: EACCES, ENOSPC, a spawn's E2BIG). Undefined for anything
 * else (a TypeError, a bug).
 */
export function describeStartFailure(error: unknown): string | undefined {
  if (error instanceof UnsafeOutputError) return error.message;
  return isSystemError(error) ? error.message : undefined;
}
