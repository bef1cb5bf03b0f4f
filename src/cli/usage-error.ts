/** A usage error (exit 3): the message says what was wrong and what is expected. */
export class UsageError extends Error {}
