// The GitHub client's transport: `fetch`'s contract (what Octokit calls) over node:http and
// node:https. Node's own fetch loads undici and compiles its WebAssembly HTTP parser on the first
// request: about 270 ms of CPU (90 ms of wall time) per Action run on a 2-core runner, for the
// handful of requests a run makes; node:http's parser is native. The answer is fetch's Response
// as far as Octokit reads it (transport-response.ts), without loading undici for it. Same
// behaviour where Octokit looks: redirects followed (up to 20, as fetch; credentials never follow one to another origin),
// the abort signal honoured (rejecting with its reason, as fetch), and a failure without an
// answer rejected as fetch does (a TypeError whose cause is the socket's error, `code` and all),
// so transport-retry.ts reads it the same way.

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AnswerHeaders, AnswerResponse, type TransportResponse } from './transport-response.js';

export type { TransportResponse } from './transport-response.js';

/** What Octokit passes (request/fetch-wrapper.js): a method, plain headers, a string body. */
export interface TransportInit {
  method?: string;
  headers?: Record<string, string> | Headers;
  body?: string | null;
  signal?: AbortSignal | null;
  redirect?: 'follow' | 'manual' | 'error';
  /** Wait for the connection (TCP, and TLS for https) at most this long (fetch's 10 s). */
  connectTimeoutMs?: number;
}

/** Redirects followed at most (fetch's limit, WHATWG Fetch §4.4 "HTTP-redirect fetch"). */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Statuses whose answer has no body (fetch's null body statuses, the 1xx refused below). */
const NULL_BODY = new Set([204, 205, 304]);

/** A `fetch` as the GitHub client calls it: nodeFetch, or a test's fake GitHub (fetch's Response). */
export type Transport = (url: string, init: TransportInit) => Promise<TransportResponse>;

/**
 * Sends one request and resolves to its answer once its whole body has arrived. Rejects with
 * `signal.reason` when aborted, with `TypeError('fetch failed', { cause })` when no answer came.
 */
export async function nodeFetch(url: string, init: TransportInit = {}): Promise<TransportResponse> {
  let target = new URL(url);
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body ?? undefined;
  let headers = plainHeaders(init.headers);
  for (let redirects = 0; ; redirects++) {
    const answer = await send(target, method, headers, body, init);
    // fetch answers only with a final status, 200 to 599 (WHATWG Fetch: a Response's status is in
    // that range; 1xx are interim). node:http passes on whatever the status line says (000, 099,
    // 101, 999): an answer Octokit would read as a success with an empty body, an empty list, is
    // a failure without an answer here, as in fetch.
    const status = answer.statusCode ?? 0;
    if (status < 200 || status > 599)
      throw new TypeError('fetch failed', {
        cause: new Error(`invalid HTTP status ${status} from ${target}`),
      });
    const location = answer.headers.location;
    if (!REDIRECTS.has(status) || !location || init.redirect === 'manual')
      return toResponse(answer, status, target);
    if (init.redirect === 'error' || redirects >= MAX_REDIRECTS)
      throw new TypeError('fetch failed', { cause: new Error(`redirect refused at ${target}`) });
    // 303 (but for a HEAD), and 301/302 after a POST, turn into a GET without a body (fetch's rule).
    if (
      (status === 303 && method !== 'HEAD') ||
      (method === 'POST' && status !== 307 && status !== 308)
    ) {
      method = 'GET';
      body = undefined;
      headers = withoutHeaders(headers, BODY_HEADERS);
    }
    // A Location that is no URL is a failure without an answer, as in fetch, not a bare TypeError.
    if (!URL.canParse(location, target))
      throw new TypeError('fetch failed', { cause: new Error(`invalid Location at ${target}`) });
    const next = new URL(location, target);
    // The token goes only where it was sent: another origin (host, port or scheme) gets no
    // credentials, as fetch does (WHATWG Fetch §4.4, "HTTP-redirect fetch").
    if (next.origin !== target.origin) headers = withoutHeaders(headers, CREDENTIAL_HEADERS);
    target = next;
  }
}

/** Headers a redirect to another origin drops. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
/** Headers that describe a body, dropped with it. */
const BODY_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
]);

function withoutHeaders(
  headers: Record<string, string>,
  names: ReadonlySet<string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !names.has(name.toLowerCase())),
  );
}

function plainHeaders(headers: TransportInit['headers']): Record<string, string> {
  if (!headers) return {};
  return typeof (headers as Headers).entries === 'function'
    ? Object.fromEntries((headers as Headers).entries())
    : { ...(headers as Record<string, string>) };
}

interface Answer {
  statusCode: number | undefined;
  statusMessage: string | undefined;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: Buffer;
}

function send(
  target: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  { signal, connectTimeoutMs = 10_000 }: TransportInit,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const request =
      target.protocol === 'https:'
        ? httpsRequest
        : target.protocol === 'http:'
          ? httpRequest
          : undefined;
    if (!request)
      return reject(new TypeError('fetch failed', { cause: new Error(`not HTTP: ${target}`) }));
    const onAbort = () => {
      outgoing.destroy();
      reject(signal!.reason);
    };
    const failed = (error: Error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new TypeError('fetch failed', { cause: error }));
    };
    const outgoing = request(target, { method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', failed);
      incoming.on('end', () => {
        signal?.removeEventListener('abort', onAbort);
        resolve({
          statusCode: incoming.statusCode,
          statusMessage: incoming.statusMessage,
          headers: incoming.headers,
          rawHeaders: incoming.rawHeaders,
          body: Buffer.concat(chunks),
        });
      });
    });
    outgoing.on('error', failed);
    // node:http has no connect timeout: a dropped SYN, or a TLS handshake never answered, would
    // wait for the signal (30 s), then read as a timeout that may have reached GitHub. fetch gives
    // up after 10 s with this code, which transport-retry.ts knows as never sent (so even a POST
    // is retried, and briefly). As fetch's, it covers the handshake: nothing is sent before it.
    outgoing.on('socket', (socket) => {
      if (!socket.connecting) return; // a kept-alive socket, already connected
      const timer = setTimeout(() => {
        const error = Object.assign(new Error('connect timeout'), {
          code: 'UND_ERR_CONNECT_TIMEOUT',
        });
        outgoing.destroy(error);
      }, connectTimeoutMs);
      const connected = target.protocol === 'https:' ? 'secureConnect' : 'connect';
      socket.once(connected, () => clearTimeout(timer)).once('close', () => clearTimeout(timer));
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.end(body);
  });
}

function toResponse(answer: Answer, status: number, url: URL): TransportResponse {
  return new AnswerResponse(
    status,
    answer.statusMessage ?? '',
    // Octokit reports the URL that answered.
    url.href,
    new AnswerHeaders(answer.rawHeaders),
    NULL_BODY.has(status) ? null : new Uint8Array(answer.body),
  );
}
