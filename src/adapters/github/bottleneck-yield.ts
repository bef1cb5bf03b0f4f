// bottleneck (under @octokit/plugin-throttling and plugin-retry) yields to the event loop with
// `setTimeout(resolve, 0)` before every operation of its in-memory datastore: five or six per
// scheduled job, each clamped to at least 1 ms by Node, on three limiters per request. Measured
// against the local GitHub: 18 ms per request, 2 ms for Octokit without the plugins. The
// datastore only needs the yield to be asynchronous, not a timer: `setImmediate` yields as
// well, after pending I/O, without the clamp (8 ms per request). bottleneck has had no release
// since 2019, so this is patched here, once, on its light build's datastore class.

import Bottleneck from 'bottleneck/light.js';

interface LocalDatastore {
  Promise: PromiseConstructor;
  yieldLoop(this: LocalDatastore, ms?: number): Promise<void>;
}

/**
 * Makes bottleneck's zero-delay yields `setImmediate` instead of 1 ms timers (non-zero delays
 * stay timers). Idempotent; affects every limiter, the Octokit plugins' included, since the
 * bundle holds one copy of bottleneck's light build.
 */
export function yieldWithoutTimers(): void {
  const limiter = new Bottleneck() as unknown as { _store: LocalDatastore };
  const datastore = Object.getPrototypeOf(limiter._store) as LocalDatastore;
  datastore.yieldLoop = function (ms = 0) {
    return new this.Promise<void>((resolve) =>
      ms === 0 ? setImmediate(resolve) : setTimeout(resolve, ms),
    );
  };
}
