// Finding a node of a parsed YAML document by JSON pointer, the way `toJS` built the value: through
// aliases (bounded hops) and merge keys (a map's own pair first, then each merged map's in order).

import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

/** The node a pointer addresses, through aliases and merge keys; undefined when absent. */
export function nodeAt(doc: Document, segments: readonly string[]): Node | undefined {
  let node = deref(doc, doc.contents as Node | null);
  for (const segment of segments) {
    if (isMap(node)) node = deref(doc, pairAt(doc, node, segment)?.value as Node | undefined);
    else if (isSeq(node) && /^(0|[1-9]\d*)$/.test(segment))
      node = deref(doc, node.items[Number(segment)] as Node | undefined);
    else return undefined;
  }
  return node ?? undefined;
}

/** A map's pair for `key`: its own first, then each merged map's in order (YAML merge rules). */
export function pairAt(
  doc: Document,
  map: Node | undefined,
  key: string,
  depth = 0,
): Pair | undefined {
  if (!isMap(map) || depth > 32) return undefined;
  const own = map.items.find(
    (pair) =>
      isScalar(pair.key) && typeof pair.key.value !== 'symbol' && String(pair.key.value) === key,
  );
  if (own) return own;
  for (const pair of map.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'symbol') continue;
    const source = deref(doc, pair.value as Node | undefined);
    const sources = isSeq(source) ? source.items : [source];
    for (const item of sources) {
      const found = pairAt(doc, deref(doc, item as Node | undefined), key, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** `node` with aliases followed (at most 64 hops); undefined for a cycle or a missing anchor. */
export function deref(doc: Document, node: Node | null | undefined): Node | undefined {
  let current = node ?? undefined;
  for (let hops = 0; isAlias(current) && hops < 64; hops++)
    current = (current.resolve(doc) as Node | undefined) ?? undefined;
  return isAlias(current) ? undefined : current;
}
