// Waiting for a condition on the machine (a process alive, a shell reaped) instead of a fixed
// delay, which races a process's start on a loaded machine.

/**
 * Resolves once `done()` holds, asking every `everyMs`; rejects with "`what` after `ms` ms"
 * when it still does not hold after `ms`.
 */
export async function until(
  done: () => boolean,
  what: string,
  { ms = 10_000, everyMs = 10 }: { ms?: number; everyMs?: number } = {},
): Promise<void> {
  for (const deadline = Date.now() + ms; !done();) {
    if (Date.now() > deadline) throw new Error(`${what} after ${ms} ms`);
    await new Promise((settle) => setTimeout(settle, everyMs));
  }
}
