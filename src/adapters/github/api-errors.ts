// Sorting API failures: a missing permission (fork PRs, a workflow without `checks: write`) is an
// expected condition that becomes one warning; anything else is a real fault.

import { UnexpectedAnswerError } from './answer-shape.js';

/** Status and message of an Octokit RequestError, or undefined for other errors. */
export function describeApiError(error: unknown): { status: number; message: string } | undefined {
  if (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    typeof (error as { status: unknown }).status === 'number'
  ) {
    return {
      status: (error as { status: number }).status,
      message: String((error as { message?: unknown }).message ?? ''),
    };
  }
  return undefined;
}

/**
 * Why GitHub would not let the token read `what`, in one sentence: for a 403 or 404 (GitHub's
 * answer to a token that may not see a resource, too), that the token cannot read it and `hint`
 * (what to grant); else the status and GitHub's message, or for an UnexpectedAnswerError its
 * message. Throws `error` when it is not GitHub's answer (a fault).
 */
export function describeUnreadable(what: string, hint: string, error: unknown): string {
  // A body not shaped as GitHub describes it: unreadable too (its message names what was asked).
  if (error instanceof UnexpectedAnswerError) return `${what} could not be read (${error.message})`;
  const api = describeApiError(error);
  if (!api) throw error;
  return api.status === 403 || api.status === 404
    ? `the token cannot read ${what} (HTTP ${api.status}; ${hint})`
    : `${what} could not be read (HTTP ${api.status}: ${api.message})`;
}

/** True when the token may not do this: 403 without rate limiting, or 404 on a private resource. */
export function isPermissionError(error: unknown): boolean {
  const described = describeApiError(error);
  if (!described) return false;
  if (described.status === 403) return !/rate limit/i.test(described.message);
  return described.status === 401;
}

/** True for a 5xx (or a network failure, which Octokit reports as 500): the request may have landed. */
export function isServerError(error: unknown): boolean {
  return (describeApiError(error)?.status ?? 0) >= 500;
}
