// Set comparison used by the enum-sync check and the same-set/subset rules. Members are compared
// by type and value (canonical JSON): "1" and 1 are different members, and so are "true" and true;
// objects compare regardless of key order.

/** A key-order-independent JSON serialization, so equal objects compare equal. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

/**
 * What `observed` adds to and removes from `expected`, in first-seen order. Members are shown as
 * they are when every member of both is a string, else as JSON (so "1" and 1 read differently).
 */
export function compareSets(
  expected: readonly unknown[],
  observed: readonly unknown[],
): { added: string[]; removed: string[] } {
  // The usual case, a list copied as it is: nothing added or removed, nothing to index.
  if (expected.length === observed.length && expected.every((value, i) => value === observed[i]))
    return { added: [], removed: [] };
  const isString = (value: unknown) => typeof value === 'string';
  const allStrings = expected.every(isString) && observed.every(isString);
  // A member's key is how it is shown. Strings only: each is its own key (canonical JSON would
  // only quote it), so a million codes cost two Sets built natively, not a million serializations.
  const keys = (values: readonly unknown[]) =>
    new Set(allStrings ? (values as readonly string[]) : values.map(canonical));
  const expectedKeys = keys(expected);
  const observedKeys = keys(observed);
  return {
    added: [...observedKeys].filter((key) => !expectedKeys.has(key)),
    removed: [...expectedKeys].filter((key) => !observedKeys.has(key)),
  };
}
