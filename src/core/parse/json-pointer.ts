// RFC 6901 JSON pointers: the one addressing scheme of artifacts, rules, findings and annotations.

/** Splits a pointer into unescaped segments; '' is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`JSON pointer '${pointer}' must start with '/'`);
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins segments into a pointer, escaping '~' and '/'. */
export function formatPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Reads the value a pointer addresses; `found: false` when any step is absent. */
export function resolvePointer(
  value: unknown,
  pointer: string,
): { found: true; value: unknown } | { found: false } {
  let current = value;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= current.length)
        return { found: false };
      current = current[Number(segment)];
    } else if (isPlainObject(current) && Object.hasOwn(current, segment)) {
      current = current[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

/** Reads a dotted field path (`error.code`) the way envelope policies name fields. */
export function resolveDottedPath(
  value: unknown,
  path: string,
): { found: boolean; value?: unknown } {
  return resolvePointer(value, formatPointer(path.split('.')));
}

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
