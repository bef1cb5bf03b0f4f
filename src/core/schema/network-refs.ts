// A user schema must not reach the network: the gate never fetches schemas.

import { isPlainObject } from '../parse/json-pointer.js';

/** Lists `$ref` values that leave the file and are not built-in or vendored companions. */
export function findNetworkRefs(
  schema: unknown,
  builtinIds: Set<string>,
  companions: string[],
): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isPlainObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (
          (key === '$ref' || key === '$dynamicRef') &&
          typeof value === 'string' &&
          /^[a-z][a-z0-9+.-]*:/i.test(value)
        ) {
          const base = value.split('#')[0] ?? '';
          if (
            !builtinIds.has(base) &&
            !companions.includes(base) &&
            !base.startsWith('file:///workspace/')
          )
            found.push(value);
        } else visit(value);
      }
    }
  };
  visit(schema);
  return found;
}
