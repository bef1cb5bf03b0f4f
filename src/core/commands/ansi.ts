// Terminal colour codes, stripped before output is parsed or shown in a report.

// eslint-disable-next-line no-control-regex -- matching ESC is the point
const ANSI_PATTERN = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The text without ANSI escape sequences. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}
