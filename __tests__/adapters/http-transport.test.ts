// The GitHub client's own transport (fetch's contract over node:http) against a local server:
// what Octokit reads of an answer, redirects, aborts, and failures without an answer shaped the
// way transport-retry.ts reads them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFetch } from '../../src/adapters/github/http-transport.js';
import { createApiLookups } from '../../src/adapters/github/lookups.js';
import { createGitHubClient } from '../../src/adapters/github/octokit.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => routes.get(new URL(req.url!, base).pathname)!(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function route(path: string, handler: Handler): string {
  routes.set(path, handler);
  return `${base}${path}`;
}

/**
 * A POST to `url` that never gets a connection fails after the (shortened) connect timeout as
 * fetch's does, with the code transport-retry.ts reads as never sent, long before the signal.
 */
async function expectConnectTimeout(url: string): Promise<void> {
  const error = await nodeFetch(url, {
    method: 'POST',
    signal: AbortSignal.timeout(3000),
    connectTimeoutMs: 200,
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TypeError);
  expect((error as { cause?: { code?: string } }).cause?.code).toBe('UND_ERR_CONNECT_TIMEOUT');
}

describe('nodeFetch', () => {
  it('sends method, headers and body; answers status, headers, body and the URL asked', async () => {
    const seen: unknown[] = [];
    const url = route('/echo', (req, body, res) => {
      seen.push([req.method, req.headers.authorization, req.headers['content-type'], body]);
      res.writeHead(201, 'Created', [
        ['content-type', 'application/json; charset=utf-8'],
        ['link', '<a>; rel="next"'],
        ['x-many', 'one'],
        ['x-many', 'two'],
      ]);
      res.end(JSON.stringify({ id: 7, text: 'héllo' }));
    });
    const response = await nodeFetch(url, {
      method: 'post',
      headers: { authorization: 'token t', 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(seen).toEqual([['POST', 'token t', 'application/json', '{"a":1}']]);
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Created');
    expect(response.url).toBe(url);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      link: '<a>; rel="next"',
      'x-many': 'one, two',
    });
    expect(await response.json()).toEqual({ id: 7, text: 'héllo' });
  });

  it('a 204 has no body', async () => {
    const url = route('/empty', (_req, _body, res) => res.writeHead(204).end());
    const response = await nodeFetch(url, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('follows redirects as fetch does: a 303 after a POST becomes a GET without a body', async () => {
    const landed: unknown[] = [];
    route('/moved', (_req, _body, res) => res.writeHead(301, { location: '/see-other' }).end());
    route('/see-other', (_req, _body, res) => res.writeHead(303, { location: '/final' }).end());
    route('/final', (req, body, res) => {
      landed.push([req.method, body]);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('here');
    });
    const response = await nodeFetch(`${base}/moved`, { method: 'POST', body: 'x' });
    expect(landed).toEqual([['GET', '']]);
    expect(await response.text()).toBe('here');
    expect(response.url).toBe(`${base}/final`);
    const manual = await nodeFetch(`${base}/moved`, { redirect: 'manual' });
    expect(manual.status).toBe(301);
  });

  it('the token never follows a redirect to another origin; on the same origin it does', async () => {
    const seenElsewhere: unknown[] = [];
    const other = createServer((req, res) => {
      seenElsewhere.push([req.headers.authorization, req.headers.cookie, req.headers.accept]);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('elsewhere');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}/file`;
      const sameOrigin: unknown[] = [];
      route('/away', (_req, _body, res) => res.writeHead(302, { location: elsewhere }).end());
      route('/here', (_req, _body, res) => res.writeHead(307, { location: '/landing' }).end());
      route('/landing', (req, _body, res) => {
        sameOrigin.push(req.headers.authorization);
        res.writeHead(204).end();
      });
      const headers = { authorization: 'token ghs_secret', cookie: 'c=1', accept: 'x/y' };
      expect(await (await nodeFetch(`${base}/away`, { headers })).text()).toBe('elsewhere');
      expect(seenElsewhere).toEqual([[undefined, undefined, 'x/y']]);
      await nodeFetch(`${base}/here`, { headers });
      expect(sameOrigin).toEqual(['token ghs_secret']);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('a redirect loop ends as a failure, not a hang', async () => {
    const url = route('/loop', (_req, _body, res) =>
      res.writeHead(302, { location: '/loop' }).end(),
    );
    await expect(nodeFetch(url)).rejects.toThrow(TypeError);
  });

  describe('a status line fetch never answers with (000, 099, 101, 600, 999)', () => {
    const STATUSES = ['000', '099', '101', '600', '999'];
    /** A server whose every answer has `status` and the body `[]`, then closes. */
    async function answering(status: string): Promise<{ url: string; close: () => void }> {
      const server = createNetServer((socket) =>
        socket.once('data', () =>
          socket.end(
            `HTTP/1.1 ${status} X\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]`,
          ),
        ),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
    }

    it.each(STATUSES)('%s fails as a failure without an answer, as in fetch', async (status) => {
      const { url, close } = await answering(status);
      try {
        const error = await nodeFetch(`${url}/x`).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TypeError);
        expect((error as Error).message).toBe('fetch failed');
        expect(String((error as Error).cause)).toContain(`invalid HTTP status ${Number(status)}`);
      } finally {
        close();
      }
    });

    it('an incident lookup answered so is unavailable, never "no open incidents"', async () => {
      // Read as a success, `[]` (or 101's empty body) was an empty list: a wrong GO.
      for (const status of ['000', '101']) {
        const { url, close } = await answering(status);
        try {
          const client = createGitHubClient({
            ...{ token: 't', baseUrl: url, retries: 0, paceWrites: false, retryAfterBaseMs: 1 },
          });
          const subject = { event: 'push', pullRequest: null, sha: null, runId: null };
          const lookups = createApiLookups(client, 'o/r', { ...subject } as never);
          const found = await lookups.incidents({ labels: ['incident'] } as never);
          expect(found.kind, `${status}: ${JSON.stringify(found)}`).toBe('unavailable');
        } finally {
          close();
        }
      }
    });
  });

  it('no answer: a TypeError whose cause carries the socket code (never sent, or reset)', async () => {
    const refused = await nodeFetch('http://127.0.0.1:9/x').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    const url = route('/reset', (req) => req.socket.destroy());
    const reset = await nodeFetch(url, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(reset).toBeInstanceOf(TypeError);
    expect((reset as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
  });

  it('an abort rejects with the signal’s reason, as fetch does (a timeout stays a TimeoutError)', async () => {
    const url = route('/never', () => undefined);
    const error = await nodeFetch(url, { signal: AbortSignal.timeout(50) }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe('TimeoutError');
    const before = new AbortController();
    before.abort(new Error('stopped'));
    await expect(nodeFetch(url, { signal: before.signal })).rejects.toThrow('stopped');
  });

  it('a connection never made fails as fetch’s does (connect timeout), not at the signal', async () => {
    // A listener whose thread never accepts: once its queue is full, SYNs are dropped (a firewall).
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads');
      const server = require('node:net').createServer();
      server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
        parentPort.postMessage(server.address().port);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10000);
      });`,
      { eval: true },
    );
    const port = await new Promise<number>((resolve) => worker.once('message', resolve));
    const queued: ReturnType<typeof connect>[] = [];
    let connected = 0;
    const queueFull = new Promise<void>((resolve) => {
      // Linux queues backlog + 1 connections; those two connect, later SYNs go unanswered.
      const onConnect = () => ++connected === 2 && resolve();
      queued.push(
        ...[0, 1, 2].map(() =>
          connect(port, '127.0.0.1')
            .on('connect', onConnect)
            .on('error', () => undefined),
        ),
      );
    });
    try {
      await queueFull;
      await expectConnectTimeout(`http://127.0.0.1:${port}/`);
    } finally {
      for (const socket of queued) socket.destroy();
      await worker.terminate();
    }
  });

  it('an https connection whose TLS handshake is never answered fails the same way', async () => {
    // TCP connects at once; the listener never says a word of TLS.
    const accepted: Socket[] = [];
    const silent = createNetServer((socket) => accepted.push(socket.on('error', () => undefined)));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      await expectConnectTimeout(`https://127.0.0.1:${port}/`);
    } finally {
      for (const socket of accepted) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a 303 after a HEAD stays a HEAD, as in fetch', async () => {
    const seen: unknown[] = [];
    route('/head-303', (_req, _body, res) => res.writeHead(303, { location: '/head-to' }).end());
    route('/head-to', (req, _body, res) => {
      seen.push(req.method);
      res.writeHead(200).end();
    });
    expect((await nodeFetch(`${base}/head-303`, { method: 'HEAD' })).status).toBe(200);
    expect(seen).toEqual(['HEAD']);
  });

  it('a Location that is no URL fails as fetch does: TypeError with a cause', async () => {
    const url = route('/bad-location', (_req, _body, res) =>
      res.writeHead(302, { location: 'http://[::1' }).end(),
    );
    const error = await nodeFetch(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
