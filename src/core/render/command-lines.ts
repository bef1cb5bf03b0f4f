// One-line renderings of command progress, shared by the CLI and the Action logs.

import type { CommandResult } from '../evidence.js';

/** Prefixes every line of a chunk of complete lines. */
export function prefixLines(prefix: string, text: string): string {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return (
    body
      .split('\n')
      .map((line) => prefix + line)
      .join('\n') + '\n'
  );
}

/** ✓ exit 0, ✗ exit 1, ⏱ timeout, ⊘ refused/skipped. */
export function describeEnd(result: CommandResult): string {
  if (result.state !== 'ran')
    return `⊘ ${result.state}${result.reason ? ` (${result.reason})` : ''}:`;
  if (result.timedOut) return '⏱ timed out:';
  if (result.signal) return `✗ ${result.signal}:`;
  return result.exitCode === 0 ? '✓' : `✗ exit ${result.exitCode}:`;
}
