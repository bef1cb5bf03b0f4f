// The Octokit plugins' limiters yield without 1 ms timers (18 → 8 ms a request, see the adapter).
import Bottleneck from 'bottleneck/light.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldWithoutTimers } from '../../src/adapters/github/bottleneck-yield.js';

/** Zero-delay timers one scheduled job on a fresh limiter starts. */
async function zeroTimersForOneJob(): Promise<number> {
  const spy = vi.spyOn(globalThis, 'setTimeout');
  const limiter = new Bottleneck({ maxConcurrent: 1, minTime: 30 });
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

  it('a limiter still spaces jobs by minTime and keeps their order (on a fake clock)', async () => {
    yieldWithoutTimers();
    // bottleneck's clock and timers are fake (no load can stretch or shrink them); its yields,
    // setImmediate, stay real, so each step lets them run.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    try {
      const limiter = new Bottleneck({ maxConcurrent: 1, minTime: 30 });
      const started: { job: number; at: number }[] = [];
      const all = Promise.all(
        [1, 2, 3].map((job) =>
          limiter.schedule(async () => void started.push({ job, at: Date.now() })),
        ),
      );
      for (let step = 0; step < 100 && started.length < 3; step++) {
        await vi.advanceTimersByTimeAsync(5);
        for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
      }
      await all;
      expect(started.map((s) => s.job)).toEqual([1, 2, 3]);
      expect(started[1]!.at - started[0]!.at).toBeGreaterThanOrEqual(30);
      expect(started[2]!.at - started[1]!.at).toBeGreaterThanOrEqual(30);
    } finally {
      vi.useRealTimers();
    }
  });
});
