// How deep an alias really nests: an alias stands for its anchor's whole subtree, so a shallow
// document can hold a deep value (`a: &a [[[[1]]]]`, `b: [[*a]]`). Heights are memoised per
// node, so a document that reuses an anchor many times costs one walk of the anchor, and an
// alias to an anchor that contains it (a cycle) counts as infinitely deep.

import { isAlias, isMap, isPair, isSeq, visit, type Document, type Node } from 'yaml';

/**
 * Every alias's target, found in one walk in document order (an alias names the closest anchor
 * before it). yaml's own `Alias.resolve` walks the whole document per call.
 */
export function resolveAliases(doc: Document): Map<unknown, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<unknown, Node | undefined>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) targets.set(node, anchors.get(node.source));
    else if (
      node &&
      typeof node === 'object' &&
      'anchor' in node &&
      typeof node.anchor === 'string'
    )
      anchors.set(node.anchor, node as Node);
  });
  return targets;
}

/** Collection levels in `node`'s subtree (a scalar is 0, `[1]` is 1), following aliases. */
export function aliasAwareHeight(
  targets: Map<unknown, Node | undefined>,
  node: unknown,
  memo: Map<unknown, number>,
): number {
  // Iterative post-order: deep documents must not overflow the stack.
  const stack: { node: unknown; expanded: boolean }[] = [{ node, expanded: false }];
  const visiting = new Set<unknown>();
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const target = isAlias(top.node) ? targets.get(top.node) : top.node;
    if (memo.has(top.node)) {
      stack.pop();
      continue;
    }
    if (!isMap(target) && !isSeq(target)) {
      memo.set(top.node, target === undefined && isAlias(top.node) ? Infinity : 0);
      stack.pop();
      continue;
    }
    const children = (target.items as unknown[]).map((item) => (isPair(item) ? item.value : item));
    if (!top.expanded) {
      if (visiting.has(target)) {
        memo.set(top.node, Infinity);
        stack.pop();
        continue;
      }
      visiting.add(target);
      top.expanded = true;
      for (const child of children)
        if (!memo.has(child)) stack.push({ node: child, expanded: false });
      continue;
    }
    visiting.delete(target);
    const height = 1 + Math.max(0, ...children.map((child) => memo.get(child) ?? Infinity));
    memo.set(top.node, height);
    if (top.node !== target) memo.set(target, height);
    stack.pop();
  }
  return memo.get(node) ?? Infinity;
}
