// Text the gate did not write (command output, command lines, values from the config or the tree)
// reaches the Actions log between `::stop-commands::<token>` and `::<token>::`, so the runner reads
// none of it as a workflow command (`::set-output`, `::add-mask::`, `::error`, a nested
// `::stop-commands::`). The token is random per writer and never given to any child process.

import { randomBytes } from 'node:crypto';

/** A fresh, unguessable resume token. */
export function createStopToken(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Wraps `write` so each text is echoed with workflow commands off. Text without a final newline gets
 * one (the resume token must start its own line). Empty text writes nothing.
 */
export function createStopCommandsWriter(
  write: (text: string) => void,
  token: string = createStopToken(),
): (text: string) => void {
  return (text) => {
    if (text === '') return;
    const body = text.endsWith('\n') ? text : `${text}\n`;
    write(`::stop-commands::${token}\n${body}::${token}::\n`);
  };
}
