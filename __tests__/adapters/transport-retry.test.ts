// A request that never reached GitHub is retried briefly; a POST whose connection broke after it
// was sent (a reset, a timeout) is not: GitHub may have created the check run or comment, so the
// failure goes to the caller as a 5xx and createOnce looks the object up before creating again.
import { describe, expect, it } from 'vitest';
import { transportRetry, UnreachableApiError } from '../../src/adapters/github/transport-retry.js';
import { createOnce } from '../../src/adapters/github/create-once.js';

type Request = (options: Record<string, unknown>) => Promise<unknown>;
type Wrapper = (request: Request, options: Record<string, unknown>) => Promise<unknown>;

/** Octokit's request hook, reduced to what the plugin uses. */
function wrapped(request: Request): Request {
  let wrapper: Wrapper | undefined;
  const hook = { wrap: (_name: string, fn: Wrapper) => (wrapper = fn) };
  transportRetry([0, 0])({ hook } as never);
  return (options) => wrapper!(request, options);
}

/** What Octokit throws when fetch failed: status 500, no response, the transport's cause. */
const transportFailure = (code: string) =>
  Object.assign(new Error('fetch failed'), { status: 500, cause: { code } });

function failingRequest(code: string) {
  let calls = 0;
  const request: Request = async () => {
    calls++;
    throw transportFailure(code);
  };
  return { request: wrapped(request), calls: () => calls };
}

const post = { method: 'POST', url: '/repos/{owner}/{repo}/check-runs' };

describe('transportRetry', () => {
  it('a POST reset after it was sent is not retried, and reaches the caller as a 5xx', async () => {
    const { request, calls } = failingRequest('UND_ERR_SOCKET');
    const error = await request(post).catch((e: unknown) => e);
    expect(calls()).toBe(1);
    expect(error).toMatchObject({ status: 500 });
    expect(error).not.toBeInstanceOf(UnreachableApiError);
  });

  it('a POST whose connection was refused (never sent) is retried, then named unreachable', async () => {
    const { request, calls } = failingRequest('ECONNREFUSED');
    const error = await request(post).catch((e: unknown) => e);
    expect(calls()).toBe(3);
    expect(error).toBeInstanceOf(UnreachableApiError);
    // The last transport failure stays attached, for logs (its own cause names ECONNREFUSED).
    expect((error as Error).cause).toMatchObject({ status: 500 });
  });

  it('a GET is retried after a reset (reading twice creates nothing)', async () => {
    const { request, calls } = failingRequest('ECONNRESET');
    await request({ method: 'GET', url: '/repos/{owner}/{repo}/check-runs' }).catch(() => null);
    expect(calls()).toBe(3);
  });

  it('with createOnce: a reset create is looked up, and not created a second time', async () => {
    let creates = 0;
    let lookups = 0;
    const create = wrapped(async () => {
      creates++;
      throw transportFailure('UND_ERR_SOCKET');
    });
    const found = await createOnce(
      () => create(post),
      async () => {
        lookups++;
        return { id: 7 };
      },
    );
    expect(found).toEqual({ id: 7 });
    expect([creates, lookups]).toEqual([1, 1]);
  });
});
