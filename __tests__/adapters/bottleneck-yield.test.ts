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

  it('a limiter still spaces jobs by minTime (a timer of that length) and keeps their order', async () => {
    yieldWithoutTimers();
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const limiter = new Bottleneck({ maxConcurrent: 1, minTime: 30 });
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => limiter.schedule(async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    // The second and third job wait out minTime on a timer (not a yield).
    const waits = spy.mock.calls.map(([, ms]) => Number(ms ?? 0)).filter((ms) => ms > 0);
    expect(waits.filter((ms) => ms <= 30)).toHaveLength(2);
    spy.mockRestore();
  });
});
