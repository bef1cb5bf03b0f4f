// The Octokit plugins' limiters yield without 1 ms timers (18 → 8 ms a request, see the adapter).
import Bottleneck from 'bottleneck/light.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldWithoutTimers } from '../../src/adapters/github/bottleneck-yield.js';

/** Zero-delay timers one scheduled job on a fresh limiter starts. */
async function zeroTimersForOneJob(): Promise<number> {
  const spy = vi.spyOn(globalThis, 'setTimeout');
  const limiter = new Bottleneck({ maxConcurrent: 1, minTime: 0 });
  expect(await limiter.schedule(async () => 'done')).toBe('done');
  const zero = spy.mock.calls.filter(([, ms]) => !ms).length;
  spy.mockRestore();
  return zero;
}

afterEach(() => vi.restoreAllMocks());

describe('bottleneck yields', () => {
  it('a job starts one zero-delay timer (its run), not one per datastore operation', async () => {
    yieldWithoutTimers();
    expect(await zeroTimersForOneJob()).toBeLessThanOrEqual(1);
  });

  it('a limiter still spaces jobs by minTime and keeps their order', async () => {
    yieldWithoutTimers();
    // On a fake clock (bottleneck reads Date.now and waits with setTimeout; the yields stay
    // real setImmediate): the spacing is bottleneck's arithmetic, not the machine's load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const started: number[] = [];
    const order: number[] = [];
    try {
      const limiter = new Bottleneck({ maxConcurrent: 1, minTime: 30 });
      let done = false;
      const all = Promise.all(
        [1, 2, 3].map((n) =>
          limiter.schedule(async () => {
            started.push(Date.now());
            order.push(n);
          }),
        ),
      ).then(() => (done = true));
      while (!done) {
        await new Promise((resolve) => setImmediate(resolve));
        await vi.advanceTimersToNextTimerAsync();
      }
      await all;
    } finally {
      vi.useRealTimers();
    }
    expect(order).toEqual([1, 2, 3]);
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(30);
    expect(started[2]! - started[1]!).toBeGreaterThanOrEqual(30);
  });
});
