// The GitHub API client: @actions/github's Octokit with retries on 5xx and throttling that waits
// out primary and secondary rate limits (honouring Retry-After). Permission errors are never
// retried. The base URL is passed explicitly: @actions/github reads GITHUB_API_URL at import time.

import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { yieldWithoutTimers } from './bottleneck-yield.js';
import { nodeFetch, type Transport, type TransportInit } from './http-transport.js';
import { transportRetry } from './transport-retry.js';

import type { GitHubClient } from './client-type.js';

export type { GitHubClient } from './client-type.js';

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** Retries after a 5xx or a rate limit before giving up. */
  retries?: number;
  log?: (message: string) => void;
  /** Per-request timeout. */
  requestTimeoutMs?: number;
  /** Wait before the first retry after a 5xx (then 4×, 9×…); tests shorten it. */
  retryAfterBaseMs?: number;
  /**
   * GitHub asks for a second between mutating requests (three between ones that notify people);
   * on by default, off in tests against the local server.
   */
  paceWrites?: boolean;
  /** The HTTP transport (default: node:http/https, http-transport.ts); tests pass their fake's. */
  fetch?: Transport;
}

/** Creates the client. */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  yieldWithoutTimers();
  const retries = options.retries ?? 3;
  const log = options.log ?? (() => undefined);
  const send = options.fetch ?? nodeFetch;
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      // A request GitHub never answers must not hang the gate.
      request: {
        fetch: (url: string, init: TransportInit) =>
          send(url, { ...init, signal: AbortSignal.timeout(options.requestTimeoutMs ?? 30_000) }),
      },
      // `retries` belongs here: set on `request`, plugin-retry would retry every error, 403s included.
      retry: {
        retries,
        doNotRetry: [400, 401, 403, 404, 410, 422, 451],
        retryAfterBaseValue: options.retryAfterBaseMs ?? 1000,
      },
      throttle: {
        ...(options.paceWrites === false ? unpaced() : {}),
        onRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          log(`rate limit on ${request.method} ${request.url}: retrying in ${retryAfter}s`);
          return retryCount < retries;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          log(
            `secondary rate limit on ${request.method} ${request.url}: retrying in ${retryAfter}s`,
          );
          return retryCount < retries;
        },
      },
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    },
    transportRetry(),
    retry,
    throttling,
  );
}

/** Write and notification limiters without the minimum interval (one request at a time still). */
function unpaced(): { write: Bottleneck.Group; notifications: Bottleneck.Group } {
  return {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
  };
}
