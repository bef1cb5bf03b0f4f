// The CLI's sink: the verdict as text (or the record as JSON) on stdout, why the gate could not
// run on stderr. Exit codes are the door's: this only prints.

import type { GateOutcome, GateSink } from '../app/run-gate.js';
import { formatLocation } from '../core/model.js';
import { renderText } from '../core/render/text.js';

/** A stream the CLI writes to. */
export interface TextStream {
  write(text: string): void;
  isTTY?: boolean;
}

/** Prints to a terminal or a pipe. `debug` adds the stack of a crash. */
export function createTerminalSink(options: {
  stdout: TextStream;
  stderr: TextStream;
  json: boolean;
  color: boolean;
  debug: boolean;
}): GateSink {
  const { stdout, stderr } = options;
  return {
    async start() {},
    async finish(outcome: GateOutcome) {
      if (outcome.kind === 'unusable') {
        stderr.write(`cutover-checkpoint: the gate could not run\n`);
        for (const error of outcome.errors)
          stderr.write(`  ${formatLocation(error.location)}: ${error.message}\n`);
        return;
      }
      if (options.json) stdout.write(`${JSON.stringify(outcome.record, null, 2)}\n`);
      else
        stdout.write(
          renderText(outcome.record, {
            color: options.color,
            paths: { record: outcome.recordPath, report: outcome.reportPath },
          }),
        );
    },
    async crash(error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      stderr.write(`cutover-checkpoint: the gate could not run: ${message}\n`);
      if (options.debug && error instanceof Error) stderr.write(`${error.stack}\n`);
    },
  };
}
