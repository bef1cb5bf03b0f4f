// Schedules verification commands: independent ones in parallel up to the concurrency bound,
// dependents after their dependencies, dependents of a failure skipped, refusals reported without
// starting anything, and everything stopped on abort, when the run timeout expires, or before a
// fault in the gate is thrown: run() never settles with one of its processes still alive.

import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { findExecutable } from './path-search.js';
import { KNOWN_SHELLS, type ShellInvocation } from './start-command.js';
import type { CommandConfig } from '../core/config/config-types.js';
import { formatDuration } from '../core/config/duration.js';
import type { CommandResult } from '../core/evidence.js';
import type { CommandRunnerPort } from '../app/ports.js';
import { buildChildEnv } from './child-env.js';
import { createRunMarker, reapMarkedProcesses } from './leftover-processes.js';
import { setTimeoutAfterReads } from './idle-pipes.js';
import { ensureOutputDirectory } from './output-dir.js';
import { KILL_GRACE_MS } from './exec-file.js';
import { createNotRunResult } from './not-run-result.js';
import { runProcess, type RunProcessOptions } from './run-process.js';

export interface ProcessRunnerOptions {
  /** Workspace root; commands' cwd is relative to it. */
  root: string;
  /** Absolute evidence directory. */
  evidenceDir: string;
  env?: NodeJS.ProcessEnv;
  /** ms between SIGTERM and SIGKILL for a stopped command or a leftover (default 2 s; tests shorten it). */
  killGraceMs?: number;
  /** Runs one command (default runProcess; tests pass one that fails). */
  launch?: typeof runProcess;
}

/** Creates a runner over the workspace. */
export function createProcessRunner(options: ProcessRunnerOptions): CommandRunnerPort {
  // Probed on the first run, not at start-up: `validate` and `--no-commands` never need it.
  let defaultShell: ShellInvocation | undefined;
  const killGraceMs = options.killGraceMs ?? KILL_GRACE_MS;
  const launch = options.launch ?? runProcess;
  return {
    async run(commands, runOptions) {
      const logRoot = resolve(options.evidenceDir, runOptions.logDir);
      ensureOutputDirectory(options.root, logRoot);
      const source = options.env ?? process.env;
      const envFor = (command: CommandConfig) =>
        buildChildEnv(source, {
          kind: 'command',
          passEnv: command.passEnv,
          withheld: runOptions.withheldEnv,
          set: command.env,
        });
      // Each command carries `<run>:<id>`, so what it leaves behind is found and named.
      const runMarker = createRunMarker();

      const stop = new AbortController();
      const onOuterAbort = () =>
        stop.abort(runOptions.signal?.reason ?? 'the gate was interrupted');
      runOptions.signal?.addEventListener('abort', onOuterAbort, { once: true });
      if (runOptions.signal?.aborted) onOuterAbort();
      // Decided after one more I/O pass (idle-pipes.ts): exits already there are read first.
      const runTimer = runOptions.runTimeoutMs
        ? setTimeoutAfterReads(
            () =>
              stop.abort(`the run timeout (${formatDuration(runOptions.runTimeoutMs!)}) expired`),
            runOptions.runTimeoutMs,
          )
        : undefined;

      // Front doors print command lines; a literal secret in one must not reach the log.
      const shown = new Map(commands.map((c) => [c.id, { ...c, run: runOptions.redact(c.run) }]));
      const events = runOptions.events;
      // Unset, the machine's CPU count (SPEC §6): the one place that knows the machine decides.
      const concurrency = Math.max(1, runOptions.concurrency ?? availableParallelism());
      events?.onRunStart?.([...shown.values()], concurrency);
      const origin = Date.now();
      const results = new Map<string, CommandResult>();
      const running = new Set<Promise<void>>();
      const waiting = [...commands];
      const settle = (command: CommandConfig, result: CommandResult) => {
        results.set(command.id, result);
        events?.onEnd?.(shown.get(command.id)!, { ...result, run: shown.get(command.id)!.run });
      };
      const notRun = (
        command: CommandConfig,
        state: 'skipped' | 'refused' | 'not-run',
        reason: string,
      ) => settle(command, createNotRunResult(command, state, reason, Date.now() - origin));
      // A fault (a bug, not the outside world) while starting a command names it; sync or async.
      const start = async (command: CommandConfig, processOptions: RunProcessOptions) => {
        try {
          return await launch(command, processOptions);
        } catch (error) {
          throw new Error(`starting command '${command.id}' failed: ${String(error)}`, {
            cause: error,
          });
        }
      };

      let fault: { error: unknown } | undefined;
      try {
        while (waiting.length > 0 || running.size > 0) {
          for (const command of [...waiting]) {
            const refusal = runOptions.refusals[command.id];
            const blocker = command.needs.find(
              (need) => results.has(need) && !succeeded(results.get(need)!),
            );
            const reason = stop.signal.aborted
              ? String(stop.signal.reason)
              : blocker
                ? `needs '${blocker}', which ${results.get(blocker)!.state === 'refused' ? 'was refused' : 'did not succeed'}`
                : undefined;
            if (refusal || reason) {
              waiting.splice(waiting.indexOf(command), 1);
              if (refusal) notRun(command, 'refused', refusal);
              else notRun(command, 'skipped', reason!);
              continue;
            }
            if (running.size >= concurrency) break;
            if (!command.needs.every((need) => results.has(need))) continue;
            waiting.splice(waiting.indexOf(command), 1);
            events?.onStart?.(shown.get(command.id)!);
            const task = start(command, {
              root: options.root,
              env: envFor(command),
              marker: `${runMarker}:${command.id}`,
              logFile: join(logRoot, `${command.id}.log`),
              origin,
              redact: runOptions.redact,
              defaultShell: (defaultShell ??= findDefaultShell(source.PATH)),
              onOutput: (text) => events?.onOutput?.(shown.get(command.id)!, text),
              echoBackedUp: () => events?.isBackedUp?.() ?? false,
              signal: stop.signal,
              killGraceMs,
            }).then((result) => {
              running.delete(task);
              settle(command, result);
            });
            running.add(task);
          }
          if (running.size > 0) await Promise.race(running);
          else if (
            waiting.length > 0 &&
            !waiting.some((c) => c.needs.every((n) => results.has(n)))
          ) {
            // Unreachable with a validated config (no cycles); never spin.
            for (const command of waiting.splice(0))
              notRun(command, 'not-run', 'its dependencies can never complete');
          }
        }
      } catch (error) {
        fault = { error };
        // Stopped as on abort (SIGTERM, SIGKILL after the grace) and waited for, so the fault
        // surfaces only once nothing this run started is alive.
        stop.abort(`the gate stopped on a fault: ${String(error)}`);
        await Promise.allSettled(running);
      } finally {
        if (runTimer) clearTimeout(runTimer);
        runOptions.signal?.removeEventListener('abort', onOuterAbort);
      }
      await reapRun(runMarker, results, runOptions.redact, killGraceMs);
      if (fault) throw fault.error;
      return commands.map((command) => results.get(command.id)!);
    },
  };
}

/** At run end: anything of this run still alive (started late by an escapee) is killed and reported. */
async function reapRun(
  runMarker: string,
  results: Map<string, CommandResult>,
  redact: (text: string) => string,
  graceMs: number,
): Promise<void> {
  const left = await reapMarkedProcesses((marker) => marker.startsWith(`${runMarker}:`), graceMs);
  for (const leftover of left) {
    const result = results.get(leftover.marker.slice(runMarker.length + 1));
    if (!result) continue;
    result.leftovers = [
      ...(result.leftovers ?? []),
      { pid: leftover.pid, command: redact(leftover.command) },
    ];
  }
}

function succeeded(result: CommandResult): boolean {
  return result.state === 'ran' && result.exitCode === 0 && !result.timedOut && !result.signal;
}

/** bash -eo pipefail where bash is on PATH, else sh -e (looked up on disk: spawning a probe costs a process). */
function findDefaultShell(path: string | undefined): ShellInvocation {
  return findExecutable('bash', path ?? '') ? KNOWN_SHELLS.bash : KNOWN_SHELLS.sh;
}
