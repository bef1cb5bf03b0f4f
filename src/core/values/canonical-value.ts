// Values compared the way the file wrote them: objects without regard to key order, and numbers
// by exact decimal value from their source text where a double would round them, so
// 12345678901234567891 and 12345678901234567892 are different and 1.0 equals 1.

import { canonicalDecimal, canonicalNumber } from '../parse/exact-number.js';

/** The source text of a number a double cannot hold, by pointer (relative to the value's own). */
export type ExactNumbers = (pointer: string) => string | undefined;

/** A key-order-independent serialization; equal values give equal strings. */
export function canonicalValue(value: unknown, exact?: ExactNumbers, pointer = ''): string {
  if (Array.isArray(value))
    return `[${value.map((item, i) => canonicalValue(item, exact, `${pointer}/${i}`)).join(',')}]`;
  if (typeof value === 'number') {
    const text = exact?.(pointer);
    return `#${(text !== undefined ? canonicalDecimal(text) : undefined) ?? canonicalNumber(value)}`;
  }
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map(
        (k) =>
          `${JSON.stringify(k)}:${canonicalValue((value as Record<string, unknown>)[k], exact, `${pointer}/${escape(k)}`)}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** How a value reads in a message: numbers as the file wrote them. */
export function displayValue(value: unknown, exact?: ExactNumbers, pointer = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return exact?.(pointer) ?? JSON.stringify(value);
  return JSON.stringify(value);
}

/** Items of `observed` not in `expected` (added) and the reverse (removed), by exact value. */
export function compareExactSets(
  expected: { items: readonly unknown[]; exact?: ExactNumbers },
  observed: { items: readonly unknown[]; exact?: ExactNumbers },
): { added: string[]; removed: string[] } {
  // Shown as they are when every member is a string, else as JSON ("1" and 1 read differently),
  // numbers as the file wrote them.
  const allStrings = [...expected.items, ...observed.items].every((v) => typeof v === 'string');
  const index = (side: typeof expected) => {
    const members = new Map<string, string>();
    side.items.forEach((item, i) => {
      const key = canonicalValue(item, side.exact, `/${i}`);
      if (!members.has(key))
        members.set(
          key,
          allStrings || typeof item === 'number'
            ? displayValue(item, side.exact, `/${i}`)
            : JSON.stringify(withExactNumbers(item, side.exact, `/${i}`)),
        );
    });
    return members;
  };
  const want = index(expected);
  const have = index(observed);
  return {
    added: [...have].filter(([key]) => !want.has(key)).map(([, label]) => label),
    removed: [...want].filter(([key]) => !have.has(key)).map(([, label]) => label),
  };
}

/** Exact numbers of a document, re-based to the value at `base`. */
export function exactNumbersUnder(
  numbers: ReadonlyMap<string, string> | undefined,
  base: string,
): ExactNumbers | undefined {
  if (!numbers || numbers.size === 0) return undefined;
  return (pointer) => numbers.get(`${base}${pointer}`);
}

const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The value for a record's expected/observed: each number a double rounds as its source text. */
export function withExactNumbers(value: unknown, exact?: ExactNumbers, pointer = ''): unknown {
  if (!exact) return value;
  if (typeof value === 'number') return exact(pointer) ?? value;
  if (Array.isArray(value))
    return value.map((item, i) => withExactNumbers(item, exact, `${pointer}/${i}`));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        withExactNumbers(v, exact, `${pointer}/${escape(k)}`),
      ]),
    );
  return value;
}
