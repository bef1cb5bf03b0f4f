// A request that never reached GitHub (connection refused, DNS, timeout) is retried briefly here,
// then handed on marked as unreachable so plugin-retry does not add its 1 s + 4 s + 9 s waits
// meant for GitHub's own 5xx answers: an unreachable API costs well under a second, not 14 s.
// A POST is retried only when the connection was never made: a reset or a timeout may come after
// GitHub created the check run or comment, and the caller looks it up first (create-once.ts).

import type { GitHubClient } from './client-type.js';

/** Failures that never got an HTTP answer, with the transport's code (ECONNREFUSED, …). */
export class UnreachableApiError extends Error {
  /** No HTTP status: GitHub never answered. */
  readonly status = 0;
  /** Present but empty, so plugin-retry passes the error on without retrying it. */
  readonly request = {};
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly url: string,
    /** The last transport error (fetch's, with its own cause: ECONNREFUSED, a TLS failure). */
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'UnreachableApiError';
  }
}

interface RawError {
  status?: number;
  message?: string;
  response?: unknown;
  cause?: { message?: string; code?: string; cause?: { code?: string; message?: string } };
}

/** Transport codes that mean the request never left: nothing can have been created. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Octokit plugin; apply before plugin-retry so this runs innermost. `delaysMs` between tries. */
export function transportRetry(delaysMs: readonly number[] = [100, 400]) {
  return (octokit: Pick<GitHubClient, 'hook'>): void => {
    octokit.hook.wrap('request', async (request, options) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await request(options);
        } catch (error) {
          const raw = error as RawError;
          const transport = raw.status === 500 && raw.response === undefined && raw.cause;
          if (!transport) throw error;
          const code = raw.cause?.code ?? raw.cause?.cause?.code;
          // As a 5xx, so createOnce looks the object up before creating it again.
          if (String(options.method).toUpperCase() === 'POST' && !NEVER_SENT.has(code ?? ''))
            throw error;
          if (attempt < delaysMs.length) {
            await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
            continue;
          }
          throw new UnreachableApiError(
            raw.cause?.cause?.message ?? raw.message ?? 'no answer',
            code,
            String(options.url),
            error,
          );
        }
      }
    });
  };
}
