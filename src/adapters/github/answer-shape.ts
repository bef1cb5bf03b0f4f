// GitHub's answers are read as untrusted input: a 200 whose body is not what the REST description
// says (an empty object, `null`, a list that is not a list, a review without a login) is refused
// with one error naming what was asked, never read as "nothing there" or crashed on with a
// TypeError. The lookups turn it into `unavailable` (pending, with the reason), the publisher into
// a warning; a create answered without an id is looked up as after a 5xx (create-once.ts).

/** A 2xx answer whose body does not have the shape GitHub's REST description gives it. */
export class UnexpectedAnswerError extends Error {
  override name = 'UnexpectedAnswerError';
  constructor(what: string, detail: string) {
    super(`GitHub's answer to ${what} is not what its API describes: ${detail}`);
  }
}

type Fields = Record<string, unknown>;

/** `data` as a list; throws UnexpectedAnswerError naming `what` otherwise. */
export function answerList(data: unknown, what: string): unknown[] {
  if (!Array.isArray(data))
    throw new UnexpectedAnswerError(what, `expected a list, got ${kind(data)}`);
  return data;
}

/** `data` as an object; throws UnexpectedAnswerError naming `what` otherwise. */
export function answerObject(data: unknown, what: string): Fields {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new UnexpectedAnswerError(what, `expected an object, got ${kind(data)}`);
  return data as Fields;
}

/** `object[key]` as a string; throws UnexpectedAnswerError naming `what` and the key otherwise. */
export function answerString(object: Fields, key: string, what: string): string {
  const value = object[key];
  if (typeof value !== 'string')
    throw new UnexpectedAnswerError(what, `'${key}' is ${kind(value)}, not a string`);
  return value;
}

/** `object[key]` as a positive integer id; throws UnexpectedAnswerError otherwise. */
export function answerId(object: Fields, key: string, what: string): number {
  const value = object[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw new UnexpectedAnswerError(what, `'${key}' is ${kind(value)}, not an id`);
  return value;
}

/** The login of `object.user`; throws UnexpectedAnswerError when there is none. */
export function answerLogin(object: Fields, what: string): string {
  return answerString(answerObject(object.user, `${what} (its user)`), 'login', what);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
