// Under GitHub Actions the runner reads workflow commands from a step's stdout and stderr. What
// the CLI echoes (progress, command output, the readable verdict) goes out with workflow commands
// stopped; stdout stays raw for --json and `schema`, whose lines cannot start with `::`.

import { createStopCommandsWriter } from '../adapters/stop-commands.js';

/** A stream the CLI writes to. */
export interface CliStream {
  write(text: string): void;
  isTTY?: boolean;
  /** Bytes written and not yet taken by the reader, when the stream says (see command-output.ts). */
  readonly writableLength?: number;
}

/** `stream`, echoing with workflow commands stopped when `env` says this is GitHub Actions. */
export function guardForActions(
  stream: CliStream,
  env: Record<string, string | undefined>,
): CliStream {
  if (env.GITHUB_ACTIONS !== 'true') return stream;
  return {
    write: createStopCommandsWriter((text) => stream.write(text)),
    isTTY: stream.isTTY,
    get writableLength() {
      return stream.writableLength;
    },
  };
}
