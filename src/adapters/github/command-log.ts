// Command output in the Actions log: run one at a time, each command streams inside its own
// ::group::; run in parallel, lines stream prefixed with the command id and each command's tail
// is grouped when it ends, so groups never interleave.

import * as core from '@actions/core';
import type { CommandEvents } from '../../app/ports.js';
import { describeEnd, prefixLines } from '../../core/render/command-lines.js';
import { formatDuration } from '../../core/config/duration.js';

/** Log events for the Action. */
export function createActionCommandLog(write: (text: string) => void): CommandEvents {
  let parallel = false;
  return {
    onRunStart(commands, concurrency) {
      parallel = concurrency > 1 && commands.length > 1;
    },
    onStart(command) {
      if (parallel) core.info(`▶ ${command.id}: ${command.run}`);
      else core.startGroup(`${command.id}: ${command.run}`);
    },
    onOutput(command, text) {
      write(parallel ? prefixLines(`[${command.id}] `, text) : text);
    },
    onEnd(command, result) {
      const line = `${describeEnd(result)} ${command.id}${result.state === 'ran' ? ` in ${formatDuration(result.durationMs)}` : ''}`;
      if (!parallel && result.state === 'ran') {
        core.endGroup();
        core.info(line);
        return;
      }
      if (parallel && result.state === 'ran') {
        core.startGroup(line);
        write(
          result.outputTail.endsWith('\n') || result.outputTail === ''
            ? result.outputTail
            : `${result.outputTail}\n`,
        );
        core.endGroup();
        return;
      }
      core.info(line);
    },
  };
}
