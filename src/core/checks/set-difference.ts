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
  const allStrings = [...expected, ...observed].every((v) => typeof v === 'string');
  const show = (value: unknown) => (allStrings ? (value as string) : canonical(value));
  const members = (values: readonly unknown[]) => {
    const byKey = new Map<string, unknown>();
    for (const value of values)
      if (!byKey.has(canonical(value))) byKey.set(canonical(value), value);
    return byKey;
  };
  const expectedMembers = members(expected);
  const observedMembers = members(observed);
  return {
    added: [...observedMembers].filter(([k]) => !expectedMembers.has(k)).map(([, v]) => show(v)),
    removed: [...expectedMembers].filter(([k]) => !observedMembers.has(k)).map(([, v]) => show(v)),
  };
}
