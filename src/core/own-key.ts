// Keys that come from a config or an artifact (a mode, a version, a role) may be `constructor`,
// `__proto__` or `toString`: reading them from a plain object would return what Object.prototype
// holds. Every such lookup goes through here and sees own properties only.

/** `object[key]` when `object` is a JSON object holding `key` itself; undefined otherwise. */
export function readOwn<T = unknown>(object: unknown, key: string): T | undefined {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  return Object.hasOwn(object, key) ? ((object as Record<string, unknown>)[key] as T) : undefined;
}
