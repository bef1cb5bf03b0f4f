// A command the gate did not run is a result like any other (a state and a reason, no exit code,
// no output), so the verdict names it and the other commands' results are kept.

import type { CommandConfig } from '../core/config/config-types.js';
import type { CommandResult } from '../core/evidence.js';

/** The result of a command that did not run; `reason` says why. */
export function createNotRunResult(
  command: CommandConfig,
  state: 'skipped' | 'refused' | 'not-run',
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
