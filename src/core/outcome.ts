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
 * Every port and adapter answers "could not" in this shape: as an `Outcome`, or as the
 * `unavailable` case of a result with more cases (a file that is `missing`, git's `said-no`, a
 * commit that is not the one expected), so "the world said no" and "could not ask" never share
 * a case. `LookupResult` (evidence.ts) is this shape kept in the record, without `cause`.
 * Validation results of the pure core (`{ ok, errors }` of a parser or schema check) are not
 * "could not": they list what is wrong with a document the caller has.
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
