// Runs verification commands as real child processes: each in its own process group, through
// bash -eo pipefail, with a timeout that kills the whole group, a bounded in-memory tail, and the
// full output in a log file. A failed command is a result, never an exception.

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandConfig } from '../core/config/config-types.js';
import type { CommandResult } from '../core/evidence.js';
import type { CommandEvents, CommandRunnerPort } from '../app/ports.js';
import { OutputTail } from './output-tail.js';

/** Characters of output kept in memory and in the record, per command. */
export const TAIL_CHARS = 16 * 1024;
/** Time between SIGTERM and SIGKILL on timeout. */
export const KILL_GRACE_MS = 2000;
/** After the shell exits, how long to wait for its output pipes to drain. */
const DRAIN_MS = 200;

/** Environment variables that carry credentials; never handed to a verification command. */
export const CREDENTIAL_ENV = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'INPUT_GITHUB-TOKEN',
  'INPUT_GITHUB_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];

export interface ProcessRunnerOptions {
  /** Workspace root; commands' cwd is relative to it. */
  root: string;
  /** Absolute evidence directory; logs go to <dir>/logs/<id>.log. */
  evidenceDir: string;
  env?: NodeJS.ProcessEnv;
}

/** Creates a runner over the workspace. */
export function createProcessRunner(options: ProcessRunnerOptions): CommandRunnerPort {
  const shell = findShell();
  return {
    async run(commands, { concurrency, logDir, events, signal }) {
      const logRoot = resolve(options.evidenceDir, logDir);
      mkdirSync(logRoot, { recursive: true });
      const origin = Date.now();
      const results = new Map<string, CommandResult>();
      const running = new Set<Promise<void>>();
      const waiting = [...commands];
      const baseEnv = { ...(options.env ?? process.env) };
      for (const name of CREDENTIAL_ENV) delete baseEnv[name];

      const start = (command: CommandConfig) => {
        const task = runOne(command, {
          root: options.root,
          shell,
          env: baseEnv,
          logFile: join(logRoot, `${command.id}.log`),
          origin,
          events,
          signal,
        }).then((result) => {
          results.set(command.id, result);
          events?.onEnd?.(command, result);
          running.delete(task);
        });
        running.add(task);
      };
      while (waiting.length > 0 || running.size > 0) {
        for (const command of [...waiting]) {
          if (running.size >= Math.max(1, concurrency)) break;
          const failedNeed = command.needs.find(
            (need) => results.has(need) && !succeeded(results.get(need)!),
          );
          if (failedNeed || signal?.aborted) {
            waiting.splice(waiting.indexOf(command), 1);
            const reason = signal?.aborted
              ? 'the gate was interrupted'
              : `needs '${failedNeed}', which did not succeed`;
            const result = emptyResult(command, 'skipped', reason, Date.now() - origin);
            results.set(command.id, result);
            events?.onEnd?.(command, result);
            continue;
          }
          if (command.needs.every((need) => results.has(need))) {
            waiting.splice(waiting.indexOf(command), 1);
            start(command);
          }
        }
        if (running.size > 0) await Promise.race(running);
        else if (waiting.length > 0 && !waiting.some((c) => c.needs.every((n) => results.has(n)))) {
          // Unreachable with a validated config (no cycles); guard against spinning anyway.
          for (const command of waiting.splice(0))
            results.set(
              command.id,
              emptyResult(command, 'not-run', 'its dependencies can never complete', 0),
            );
        }
      }
      return commands.map((command) => results.get(command.id)!);
    },
  };
}

function succeeded(result: CommandResult): boolean {
  return result.state === 'ran' && result.exitCode === 0 && !result.timedOut && !result.signal;
}

function emptyResult(
  command: CommandConfig,
  state: CommandResult['state'],
  reason: string,
  startedMs: number,
): CommandResult {
  return {
    id: command.id,
    run: command.run,
    cwd: command.cwd,
    state,
    reason,
    exitCode: null,
    signal: null,
    timedOut: false,
    startedMs,
    durationMs: 0,
    outputTail: '',
    outputBytes: 0,
  };
}

function findShell(): { file: string; args: string[] } {
  const bash = spawnSync('bash', ['-c', 'exit 0'], { stdio: 'ignore' });
  return bash.status === 0
    ? { file: 'bash', args: ['-eo', 'pipefail', '-c'] }
    : { file: 'sh', args: ['-e', '-c'] };
}

interface RunOneOptions {
  root: string;
  shell: { file: string; args: string[] };
  env: NodeJS.ProcessEnv;
  logFile: string;
  origin: number;
  events?: CommandEvents;
  signal?: AbortSignal;
}

function runOne(command: CommandConfig, options: RunOneOptions): Promise<CommandResult> {
  const cwd = resolve(options.root, command.cwd);
  const startedAt = Date.now();
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    return Promise.resolve(
      emptyResult(
        command,
        'not-run',
        `working directory '${command.cwd}' does not exist`,
        startedAt - options.origin,
      ),
    );
  }
  options.events?.onStart?.(command);
  return new Promise((resolvePromise) => {
    const tail = new OutputTail(TAIL_CHARS);
    const log = createWriteStream(options.logFile);
    let bytes = 0;
    let timedOut = false;
    let settled = false;
    const child = spawn(options.shell.file, [...options.shell.args, command.run], {
      cwd,
      env: { ...options.env, ...command.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        // the group is already gone
      }
    };
    let graceTimer: NodeJS.Timeout | undefined;
    const terminate = () => {
      killGroup('SIGTERM');
      graceTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
      graceTimer.unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      terminate();
    }, command.timeoutMs);
    const onAbort = () => terminate();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        bytes += Buffer.byteLength(chunk);
        tail.push(chunk);
        options.events?.onOutput?.(command, chunk);
        // Back-pressure: never buffer more than the log file can take.
        if (!log.write(chunk)) {
          stream.pause();
          log.once('drain', () => stream.resume());
        }
      });
    }
    let exit: { code: number | null; signal: NodeJS.Signals | null; error?: Error } | undefined;
    const finalize = () => {
      if (settled || !exit) return;
      settled = true;
      clearTimeout(timer);
      if (graceTimer) clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      // Whatever is left of the group (a background child) is killed, not waited for.
      killGroup('SIGKILL');
      child.stdout.destroy();
      child.stderr.destroy();
      if (exit.error) tail.push(`\n${exit.error.message}\n`);
      const { code, signal, error } = exit;
      log.end(() => {
        resolvePromise({
          id: command.id,
          run: command.run,
          cwd: command.cwd,
          state: 'ran',
          exitCode: error ? 127 : timedOut ? null : code,
          signal: timedOut ? null : signal,
          timedOut,
          startedMs: startedAt - options.origin,
          durationMs: Date.now() - startedAt,
          outputTail: tail.text(),
          outputBytes: bytes,
          logPath: options.logFile,
        });
      });
    };
    // 'close' comes once the pipes drained; if a background child holds them open, stop waiting
    // shortly after the shell itself exited.
    child.on('close', finalize);
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      setTimeout(finalize, DRAIN_MS).unref();
    });
    child.on('error', (error) => {
      exit = { code: null, signal: null, error };
      finalize();
    });
  });
}
