// What an exit code or signal means, and which output lines look like the cause: so a NO-GO on a
// command is something people can act on without opening the log.

import { stripAnsi } from './ansi.js';

const EXIT_MEANINGS: Record<number, string> = {
  1: 'general failure',
  2: 'misuse of a shell builtin or bad arguments',
  126: 'found but not executable (check the file mode: chmod +x)',
  127: 'command not found (check PATH and the spelling)',
  128: 'invalid exit argument',
  130: 'interrupted (SIGINT, Ctrl-C)',
  137: 'killed (SIGKILL), often out of memory',
  139: 'segmentation fault (SIGSEGV)',
  143: 'terminated (SIGTERM)',
};

const SIGNAL_MEANINGS: Record<string, string> = {
  SIGKILL: 'killed, often out of memory',
  SIGTERM: 'terminated',
  SIGINT: 'interrupted',
  SIGSEGV: 'segmentation fault',
  SIGABRT: 'aborted',
};

/**
 * A one-line explanation of how a command ended. `crlfShebang`: the script the command runs
 * starts with `#!…\r\n`, so its interpreter is looked up with a trailing carriage return.
 */
export function explainExit(result: {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  timeoutMs?: number;
  crlfShebang?: boolean;
}): string {
  if (result.timedOut)
    return `timed out${result.timeoutMs ? ` after ${Math.round(result.timeoutMs / 1000)}s` : ''} and was killed with its process group`;
  if (result.signal)
    return `ended by signal ${result.signal}${SIGNAL_MEANINGS[result.signal] ? ` (${SIGNAL_MEANINGS[result.signal]})` : ''}`;
  if (result.exitCode === null) return 'did not report an exit code';
  if (result.crlfShebang && (result.exitCode === 126 || result.exitCode === 127))
    return `exited ${result.exitCode} (the script has Windows line endings (\\r after the shebang), so its interpreter is not found: convert it to LF, e.g. dos2unix, and add \`*.sh text eol=lf\` to .gitattributes)`;
  // A shell reports a child killed by signal N as 128+N; signals go up to 64, so 193–255 are
  // ordinary exit codes (254 is not "signal 126").
  const meaning =
    EXIT_MEANINGS[result.exitCode] ??
    (result.exitCode > 128 && result.exitCode <= 128 + 64
      ? `a child was probably killed by signal ${result.exitCode - 128}`
      : undefined);
  return `exited ${result.exitCode}${meaning ? ` (${meaning})` : ''}`;
}

// Assertion lines say what differed (`12 !== 13`, `Expected: 3`, `AssertionError: …`): they come
// first, ahead of lines that only say something failed.
const ASSERTION = /!==|!=|===|\b(expected|received|actual|assert(ion)?(error)?)\b|≠/i;
const ERROR =
  /\b(error|fail(ed|ure)?|panic(ked)?|exception|fatal|not found|denied|mismatch)\b|✗|✘/i;
// A YAML key that only opens a block (`error: |-` in TAP) says nothing by itself.
const BLOCK_OPENER = /^\s*[\w-]+:\s*[|>][-+]?\s*$/;

/** The last few output lines that look like errors, assertion lines first (at most `max`). */
export function findErrorLines(output: string, max = 8): string[] {
  const lines = stripAnsi(output)
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => !BLOCK_OPENER.test(line));
  const assertions = lines.filter((line) => ASSERTION.test(line));
  const errors = lines.filter((line) => !ASSERTION.test(line) && ERROR.test(line));
  return [...assertions.slice(-max), ...errors]
    .slice(0, max)
    .map((line) => (line.length > 240 ? `${line.slice(0, 239)}…` : line));
}
