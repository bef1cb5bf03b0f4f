// Non-idempotent POSTs (create a check run, create a comment) are not retried blindly: a 5xx or a
// lost connection may come after GitHub created the object, and a blind retry makes a duplicate.
// After such a failure we look for what we meant to create and create it again only when absent.

import { UnexpectedAnswerError } from './answer-shape.js';
import { isServerError } from './api-errors.js';

/** Octokit request options that turn plugin-retry off for one call. */
export const NO_AUTOMATIC_RETRY = { request: { retries: 0 } } as const;

/**
 * Runs `create` (which must not be retried by the client); after a 5xx (or an answer without the
 * shape GitHub describes, an UnexpectedAnswerError), `find` looks the object
 * up, and `create` runs once more only when it is not there. Other errors, and errors of the
 * second `create`, propagate; an error of `find` propagates with the 5xx as its `cause` (what
 * made the lookup necessary).
 */
export async function createOnce<T>(
  create: () => Promise<T>,
  find: () => Promise<T | undefined>,
): Promise<T> {
  try {
    return await create();
  } catch (error) {
    // An answer that cannot be read (no id) may come after GitHub created the object, as a 5xx may.
    if (!isServerError(error) && !(error instanceof UnexpectedAnswerError)) throw error;
    let found: T | undefined;
    try {
      found = await find();
    } catch (lookup) {
      if (lookup instanceof Error && lookup.cause === undefined) lookup.cause = error;
      throw lookup;
    }
    return found ?? (await create());
  }
}
