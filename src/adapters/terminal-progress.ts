// What a person at a terminal sees while commands run: their output (prefixed with the command id
// when several run at once), a line per finished command, and on a TTY a live status line.

import { isEchoBackedUp } from './command-output.js';
import type { CommandEvents } from '../app/ports.js';
import { formatDuration } from '../core/config/duration.js';
import { describeEnd, prefixLines } from '../core/render/command-lines.js';

/** Progress printing for the CLI, to stderr (stdout is kept for the verdict and --json). */
export function createTerminalProgress(stream: {
  write(text: string): void;
  isTTY?: boolean;
  /** Bytes written but not yet taken by the reader (a slow pipe), when the stream says. */
  writableLength?: number;
}): CommandEvents {
  const running = new Set<string>();
  let parallel = false;
  let total = 0;
  let done = 0;
  const status = () =>
    stream.isTTY ? `\u001b[2K\r⏳ ${done}/${total} done · running: ${[...running].join(', ')}` : '';
  const print = (text: string) => {
    if (stream.isTTY) stream.write('\u001b[2K\r');
    stream.write(text);
    if (stream.isTTY && running.size > 0) stream.write(status());
  };
  return {
    onRunStart(commands, concurrency) {
      total = commands.length;
      parallel = concurrency > 1 && commands.length > 1;
    },
    onStart(command) {
      running.add(command.id);
      print(`▶ ${command.id}: ${command.run}\n`);
    },
    onOutput(command, text) {
      print(parallel ? prefixLines(`[${command.id}] `, text) : text);
    },
    isBackedUp: () => isEchoBackedUp(stream),
    onEnd(command, result) {
      running.delete(command.id);
      done++;
      print(
        `${describeEnd(result)} ${command.id}${result.state === 'ran' ? ` in ${formatDuration(result.durationMs)}` : ''}\n`,
      );
    },
  };
}
