// Command output in the Actions log: run one at a time, each command streams inside its own
// ::group::; run in parallel, lines stream prefixed with the command id and each command's tail
// is grouped when it ends, so groups never interleave. Everything a command printed, and its
// command line, is echoed with workflow commands stopped (see stop-commands.ts).

import * as core from '@actions/core';
import type { CommandEvents } from '../../app/ports.js';
import { describeEnd, prefixLines } from '../../core/render/command-lines.js';
import { formatDuration } from '../../core/config/duration.js';
import { createStopCommandsWriter } from '../stop-commands.js';

/**
 * Log events for the Action; `write` is the raw log (stdout), `backedUp` says when its reader is
 * slow (command output is then counted, not echoed).
 */
export function createActionCommandLog(
  raw: (text: string) => void,
  backedUp: () => boolean = () => false,
): CommandEvents {
  const write = createStopCommandsWriter(raw);
  let parallel = false;
  return {
    onRunStart(commands, concurrency) {
      parallel = concurrency > 1 && commands.length > 1;
    },
    onStart(command) {
      // A group title is escaped by @actions/core; an info line is not, so it is wrapped.
      if (parallel) write(`▶ ${command.id}: ${command.run}\n`);
      else core.startGroup(`${command.id}: ${command.run}`);
    },
    onOutput(command, text) {
      write(parallel ? prefixLines(`[${command.id}] `, text) : text);
    },
    isBackedUp: backedUp,
    onEnd(command, result) {
      const line = `${describeEnd(result)} ${command.id}${result.state === 'ran' ? ` in ${formatDuration(result.durationMs)}` : ''}`;
      if (!parallel && result.state === 'ran') {
        core.endGroup();
        core.info(line);
        return;
      }
      if (parallel && result.state === 'ran') {
        core.startGroup(line);
        write(result.outputTail);
        core.endGroup();
        return;
      }
      core.info(line);
    },
  };
}
