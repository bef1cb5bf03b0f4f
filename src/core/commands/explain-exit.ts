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

/** A one-line explanation of how a command ended. */
export function explainExit(result: {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  timeoutMs?: number;
}): string {
  if (result.timedOut)
    return `timed out${result.timeoutMs ? ` after ${Math.round(result.timeoutMs / 1000)}s` : ''} and was killed with its process group`;
  if (result.signal)
    return `ended by signal ${result.signal}${SIGNAL_MEANINGS[result.signal] ? ` (${SIGNAL_MEANINGS[result.signal]})` : ''}`;
  if (result.exitCode === null) return 'did not report an exit code';
  const meaning =
    EXIT_MEANINGS[result.exitCode] ??
    (result.exitCode > 128 ? `killed by signal ${result.exitCode - 128}` : undefined);
  return `exited ${result.exitCode}${meaning ? ` (${meaning})` : ''}`;
}

/** The last few output lines that look like errors. */
export function findErrorLines(output: string, max = 8): string[] {
  return stripAnsi(output)
    .split('\n')
    .filter((line) =>
      /\b(error|fail(ed|ure)?|panic(ked)?|exception|fatal|not found|denied|mismatch)\b|✗|✘/i.test(
        line,
      ),
    )
    .slice(-max)
    .map((line) => (line.length > 240 ? `${line.slice(0, 239)}…` : line));
}
