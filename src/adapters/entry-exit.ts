// How an entry (dist/cli.js, dist/index.js) ends: with the exit code its main resolved to, and with
// a failing one when main rejects, throws, or never settles. The entries are CommonJS (no
// top-level await): without this a rejection would pass for success wherever Node only warns about
// unhandled rejections (`--unhandled-rejections=warn`), and a main that never settles would end
// the process with 0 once the event loop empties, a silent GO for a release gate.

/** What an entry does with main's outcome. */
export interface EntryExit<T> {
  /** The exit code from the start until main resolves, and after a fault. */
  fault: number;
  /** The exit code for what main resolved to. */
  codeOf(value: T): number;
  /** Says what went wrong when main rejected or threw; must not throw. */
  report(error: unknown): void;
  /** Sets the process's exit code (`process.exitCode = code`). */
  setCode(code: number): void;
}

/**
 * Sets the fault code, starts `main`, and on settling sets the code for its value (resolving to
 * it) or reports the fault (resolving to undefined). Never rejects.
 */
export async function exitWhenSettled<T>(
  main: () => Promise<T>,
  exit: EntryExit<T>,
): Promise<T | undefined> {
  exit.setCode(exit.fault);
  try {
    const value = await main();
    exit.setCode(exit.codeOf(value));
    return value;
  } catch (error) {
    exit.report(error);
    exit.setCode(exit.fault);
    return undefined;
  }
}

/** An error as one line of text: its stack where it has one. */
export function describeFault(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * `text` as the data of a workflow command: `%`, CR and LF escaped, so no byte of it can end the
 * command or start another (actions/toolkit packages/core/src/command.ts, escapeData).
 */
export function workflowCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
