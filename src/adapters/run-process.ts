// Runs one verification command as a real child process: its own process group, a shell, a
// timeout that kills the whole group (SIGTERM, then SIGKILL), line-wise redaction, a bounded tail
// in memory and the full output in a log file. When it ends, every process still carrying its
// marker (in its group or escaped from it) is killed and reported. Every outcome is a result:
// one that could not start (start-command.ts says why) is `not-run`; only a fault throws.

import type { CommandConfig } from '../core/config/config-types.js';
import type { CommandResult } from '../core/evidence.js';
import { reapMarkedProcesses } from './leftover-processes.js';
import { CommandOutput } from './command-output.js';
import { KILL_GRACE_MS } from './exec-file.js';
import { afterOneReadPass, setTimeoutAfterReads } from './idle-pipes.js';
import { createNotRunResult } from './not-run-result.js';
import { startCommand, type StartOptions } from './start-command.js';

/** After the shell exits, how long its pipes may stay idle (a background child holding them open). */
const DRAIN_MS = 200;

/** Everything one command run needs besides the command. */
export interface RunProcessOptions extends StartOptions {
  /** ms since the run started, for the record's timeline. */
  origin: number;
  onOutput?: (text: string) => void;
  /** True while the echo's reader is slow: output is then counted, not passed to onOutput. */
  echoBackedUp?: () => boolean;
  /** Aborting stops the command's process group; `reason` says why. */
  signal: AbortSignal;
  /** ms between SIGTERM and SIGKILL (default KILL_GRACE_MS; tests shorten it). */
  killGraceMs?: number;
}

/**
 * Runs the command; resolves to its result, `not-run` with the reason when it could not start.
 * Throws (or rejects) only for a fault in the gate.
 */
export function runProcess(
  command: CommandConfig,
  options: RunProcessOptions,
): Promise<CommandResult> {
  const startedAt = Date.now();
  const base = {
    id: command.id,
    run: command.run,
    cwd: command.cwd,
    startedMs: startedAt - options.origin,
  };
  const started = startCommand(command, options);
  if (started.kind !== 'ok')
    return Promise.resolve(createNotRunResult(command, 'not-run', started.reason, base.startedMs));
  const { child, log, before } = started.value;
  return new Promise((resolvePromise) => {
    let timedOut = false;
    let stoppedBecause: string | undefined;

    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // the group is already gone
      }
    };
    const graceMs = options.killGraceMs ?? KILL_GRACE_MS;
    let graceTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      killGroup('SIGTERM');
      graceTimer ??= setTimeout(() => killGroup('SIGKILL'), graceMs);
    };
    // Decided after one more I/O pass (idle-pipes.ts): an exit or output the loop had not read
    // yet still counts.
    const timer = setTimeoutAfterReads(() => {
      if (!exit) {
        timedOut = true;
        return stop();
      }
      // The shell is gone (what it wrote was read in that pass) and only a background child
      // still keeps its pipes busy: stop waiting.
      void finalize();
    }, command.timeoutMs);
    const onAbort = () => {
      // A command that had already exited was not stopped: what it left behind is reaped and
      // listed now (finalize), after one more read of its pipes, rather than killed unlisted.
      if (exit) return void setImmediate(() => void finalize());
      stoppedBecause = String(options.signal.reason ?? 'the gate was stopped');
      stop();
    };
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener('abort', onAbort, { once: true });

    const output = new CommandOutput({
      log,
      logFile: options.logFile,
      redact: options.redact,
      onOutput: options.onOutput,
      echoBackedUp: options.echoBackedUp,
      onActivity: () => drainTimer?.refresh(),
    });
    output.attach(child.stdout);
    output.attach(child.stderr);
    let drainTimer: NodeJS.Timeout | undefined;

    let exit: { code: number | null; signal: NodeJS.Signals | null; error?: Error } | undefined;
    let settled = false;
    const finalize = async () => {
      if (settled || !exit) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(drainTimer);
      if (graceTimer) clearTimeout(graceTimer);
      options.signal.removeEventListener('abort', onAbort);
      // Both pipes ended: the log is finished while leftovers are looked for (the next command
      // waits for both).
      const finishing = pipesClosed ? output.finish() : undefined;
      // Whatever still carries the marker was left behind: background jobs of the group are
      // killed at once; processes that left the group (setsid, set -m) get SIGTERM, then SIGKILL.
      const left = await reapMarkedProcesses(
        (marker) => marker === options.marker,
        graceMs,
        () => killGroup('SIGKILL'),
        before,
      );
      child.stdout.destroy();
      child.stderr.destroy();
      if (exit.error) output.append(`\n${exit.error.message}\n`);
      const { code, signal, error } = exit;
      const leftovers = left.map((p) => ({ pid: p.pid, command: options.redact(p.command) }));
      void (finishing ?? output.finish()).then((outputTail) =>
        resolvePromise({
          ...base,
          state: 'ran',
          ...(stoppedBecause ? { reason: stoppedBecause } : {}),
          exitCode: error ? 127 : timedOut ? null : code,
          signal: timedOut ? null : signal,
          timedOut,
          durationMs: Date.now() - startedAt,
          outputTail,
          outputBytes: output.bytes,
          logPath: options.logFile,
          ...(leftovers.length > 0 ? { leftovers } : {}),
        }),
      );
    };
    // 'close' comes once the pipes drained; if a background child holds them open, stop waiting
    // shortly after the shell itself exited.
    let pipesClosed = false;
    child.on('close', () => {
      pipesClosed = true;
      void finalize();
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      drainTimer = setTimeout(() => {
        // Pipes we paused for the log file are not idle (the drain handler re-arms this timer),
        // nor ones with output not read yet (idle-pipes.ts; what is read re-arms this timer).
        if (output.waitingForLog !== 0) return;
        afterOneReadPass(output, () => {
          if (output.waitingForLog === 0) void finalize();
        });
      }, DRAIN_MS);
    });
    child.on('error', (error) => {
      exit = { code: null, signal: null, error };
      void finalize();
    });
  });
}
