/** Thrown for an input that cannot be used; the message names the input and what is expected. */
export class InputError extends Error {}
