/**
 * Whether `error` is a system call's failure (an Error with a numeric errno and a syscall:
 * ENOENT, EACCES, ENOSPC, a spawn's E2BIG): the outside world answering, which an adapter turns
 * into data. Anything else (a TypeError, a RangeError, a bug) is a fault, thrown on.
 */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  const system = error as NodeJS.ErrnoException | undefined;
  return (
    error instanceof Error &&
    typeof system?.errno === 'number' &&
    typeof system.syscall === 'string'
  );
}
