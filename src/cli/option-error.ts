// parseArgs's errors in the CLI's words: an unknown option names the one probably meant.

import { suggestName } from '../core/config/did-you-mean.js';

/**
 * One line for a parseArgs error. Node says "Unknown option '--decison'. To specify a positional
 * argument starting with a '-', …"; this says "unknown option '--decison'; did you mean
 * --decision?". Other errors keep Node's first line.
 */
export function explainOptionError(error: Error, options: readonly string[]): string {
  const message = error.message.split('\n')[0] ?? 'bad arguments';
  const unknown = /^Unknown option '--([^']+)'/.exec(message)?.[1];
  if (unknown === undefined) return message;
  const suggestion = suggestName(unknown, options);
  return `unknown option '--${unknown}'${suggestion ? `; did you mean --${suggestion}?` : ''}`;
}
