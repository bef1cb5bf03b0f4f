// One shape for "could not": an expected failure of the outside world (no such file, a payload
// that is not JSON, a token without permission, a 5xx after retries) is a value the caller must
// look at, never an exception and never a silent default. Real faults (a TypeError, a broken
// invariant) still throw, so they cannot be mistaken for "the world said no".

/**
 * The value, or why it could not be had.
 *
 * - `kind: 'ok'`: `value` is the answer.
 * - `kind: 'unavailable'`: `reason` is one sentence for people (names the thing, says what to do);
 *   `cause` is the error behind it, if any, for logs and `{ cause }` when the caller rethrows.
 *
 * The same shape as `LookupResult` in evidence.ts (which has no `cause` because it is recorded);
 * adapters that still answer `T | string`, `{ ok }` or `{ available, reason }` should move to it.
 */
export type Outcome<T> = { kind: 'ok'; value: T } | CouldNot;

/** Why something could not be done. */
export interface CouldNot {
  kind: 'unavailable';
  reason: string;
  cause?: unknown;
}

/** Wraps a value. */
export function ok<T>(value: T): Outcome<T> {
  return { kind: 'ok', value };
}

/** Says why not; keep `cause` when an error was behind it. */
export function couldNot(reason: string, cause?: unknown): CouldNot {
  return cause === undefined
    ? { kind: 'unavailable', reason }
    : { kind: 'unavailable', reason, cause };
}

/** The value, or throws an Error with the reason (and the cause) for callers that cannot go on. */
export function valueOrThrow<T>(outcome: Outcome<T>, context?: string): T {
  if (outcome.kind === 'ok') return outcome.value;
  const message = context ? `${context}: ${outcome.reason}` : outcome.reason;
  throw outcome.cause === undefined
    ? new Error(message)
    : new Error(message, { cause: outcome.cause });
}
