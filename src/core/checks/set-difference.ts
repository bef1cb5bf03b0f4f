// Set comparison used by the enum-sync check and the same-set/subset rules.

/** What `observed` adds to and removes from `expected`, in first-seen order. */
export function compareSets(
  expected: readonly unknown[],
  observed: readonly unknown[],
): { added: string[]; removed: string[] } {
  const key = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  const expectedKeys = new Set(expected.map(key));
  const observedKeys = new Set(observed.map(key));
  return {
    added: [...observedKeys].filter((k) => !expectedKeys.has(k)),
    removed: [...expectedKeys].filter((k) => !observedKeys.has(k)),
  };
}
