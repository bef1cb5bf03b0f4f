// Deciding that a finished process's pipes are idle. Both runners stop reading a process's pipes
// a little after it exited (a background child it left may hold them open for ever), with a timer.
// But a loop iteration runs its timers before its I/O, and libuv may reap a process (on another
// child's SIGCHLD) before it polls that process's stdout: when the thread was held up for the
// timer's length after 'exit' (a busy event loop, GC, a descheduled process on a loaded runner),
// the timer fires with the process's last output still unread in the pipe. So the timer only
// asks; the answer comes after one more I/O pass. The same holds for every timer that decides
// something about a process (its timeout, the run's): its exit may be there, not yet read.

/** What has been read from a process's pipes so far, in bytes. */
export interface ReadCount {
  readonly bytes: number;
}

/**
 * Calls `idle` if the next I/O pass reads nothing more (`read.bytes` unchanged across it), else
 * `busy`. setImmediate callbacks run right after the poll phase of the loop iteration.
 */
export function afterOneReadPass(
  read: ReadCount,
  idle: () => void,
  busy: () => void = () => undefined,
): void {
  const seen = read.bytes;
  setImmediate(() => (read.bytes === seen ? idle() : busy()));
}

/**
 * setTimeout for a timer that decides something about a process (a timeout): `decide` runs `ms`
 * later and after one more I/O pass, so an exit or output already there is seen first. Returns
 * the timer: clearTimeout cancels it until it fires.
 */
export function setTimeoutAfterReads(decide: () => void, ms: number): NodeJS.Timeout {
  return setTimeout(() => setImmediate(decide), ms);
}
