// How an entry (dist/cli.js, dist/index.js) ends: with the exit code its main resolved to, and with
// a failing one when main rejects, throws, or never settles. The entries are CommonJS (no
// top-level await): without this a rejection would pass for success wherever Node only warns about
// unhandled rejections (`--unhandled-rejections=warn`), and a main that never settles would end
// the process with 0 once the event loop empties, a silent GO for a release gate.

import type { CachedBundle } from './code-cache.js';

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

/** An entry that runs a bundle through the code cache (code-cache.ts). */
export interface BundleEntry<E, T> extends Omit<EntryExit<T>, 'setCode'> {
  /** Loads the bundle (may throw: a fault like any other). */
  load(): CachedBundle<E>;
  /** Starts the run with the bundle's exports. */
  start(exports: E): Promise<T>;
  /** Whether a run that resolved to `value` reached a verdict, so its compiled code is kept. */
  keepsCache(value: T): boolean;
}

/**
 * Loads and starts `entry` under exitWhenSettled, setting `process.exitCode`, and writes the code
 * cache after a run that `keepsCache`. A cache holds what the run that wrote it compiled and is
 * kept as long as the bundle is the same: one written by a run that stopped early (a bad config or
 * argument) would leave every later run to compile the rest itself (a `run` on the first example:
 * 286 ms instead of 215), so only a run that reached a verdict writes one. Never rejects.
 */
export async function runBundleEntry<E, T>(entry: BundleEntry<E, T>): Promise<void> {
  let bundle: CachedBundle<E> | undefined;
  const value = await exitWhenSettled(
    () => {
      bundle = entry.load();
      return entry.start(bundle.exports);
    },
    { ...entry, setCode: (code) => (process.exitCode = code) },
  );
  if (value !== undefined && entry.keepsCache(value)) bundle?.saveCache();
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
