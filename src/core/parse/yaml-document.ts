// YAML as JSON-shaped data with positions: merge keys (`<<: *a`, `<<: [*a, *b]`) applied, aliases
// bounded, duplicate and `__proto__`-style keys and deep nesting refused, and numbers a double
// cannot hold (12345678901234567891, 1e400) kept as their source text by pointer.

import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { FORBIDDEN_KEYS } from './json-scan.js';
import { deref, nodeAt, pairAt } from './yaml-nodes.js';
import { aliasAwareHeight, resolveAliases } from './yaml-alias-depth.js';
import { formatPointer, parsePointer } from './json-pointer.js';
import { canonicalDecimal, canonicalNumber, yamlNumberDecimal } from './exact-number.js';
import type { Position } from './positions.js';
import type { ParseLimits, ParseResult, ParseIssue } from './parse-types.js';

/**
 * Text a YAML 1.2 number a double cannot hold must contain (a cheap test before walking every
 * node): 16 or more significant digits (every decimal of up to 15 survives, DBL_DIG), an exponent
 * of three digits (overflow to Infinity, underflow to 0 or a subnormal), or a hex or octal integer
 * at or beyond 2^53. Other YAML versions (1.1: `9_007_199_254_740_993`, `0b…`, base 60, which yaml
 * computes in floating point) are always walked. Over-matching only costs the walk.
 */
const MAYBE_INEXACT = /\d[\d.]{15}|[eE][+-]?\d{3}|0x[\da-fA-F]{14}|0o[0-7]{18}/;

/** Most aliases expanded per document: stops "billion laughs" documents. */
const MAX_ALIAS_COUNT = 1000;

/**
 * Two keys are one when the JSON object made from them would hold one: `1` and `"1"`, `true` and
 * `"true"`, `null`, `~` and `""` all become the same property (yaml's own test compares typed
 * values, and `toJS` then keeps the last silently).
 */
function sameJsonKey(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isScalar(a) || !isScalar(b)) return false;
  const text = (value: unknown) => (value === null ? '' : String(value));
  return text(a.value) === text(b.value);
}

/** Parses a YAML text (merge keys on) into a document with pointer positions. */
export function parseYaml(text: string, limits: ParseLimits): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: sameJsonKey,
    prettyErrors: false,
    merge: true,
  });
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const issues: ParseIssue[] = doc.errors.map((error) => ({
    message: error.message.split('\n')[0] ?? error.message,
    position: at(error.pos[0]),
  }));
  if (issues.length === 0) issues.push(...checkYamlTree(doc, limits, at));
  if (issues.length > 0) return { ok: false, issues };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, issues: [{ message: (error as Error).message }] };
  }
  return {
    ok: true,
    document: {
      format: 'yaml',
      value,
      inexactNumbers:
        doc.directives?.yaml.version !== '1.2' || MAYBE_INEXACT.test(text)
          ? findInexactNumbers(doc, value)
          : new Map(),
      locate(pointer, key = false) {
        const segments = parsePointer(pointer);
        if (key && segments.length > 0) {
          const pair = pairAt(doc, nodeAt(doc, segments.slice(0, -1)), segments.at(-1)!);
          const range = (pair?.key as Node | undefined)?.range;
          if (range) return at(range[0]);
        }
        const range = nodeAt(doc, segments)?.range;
        return range ? at(range[0]) : undefined;
      },
    },
  };
}

/**
 * Pointer → exact decimal text of every number whose value, as yaml gives it, is not the double
 * nearest what the file wrote: one a double cannot hold (`0x20000000000001` → `9007199254740993`),
 * or one yaml computed inexactly (YAML 1.1 `1:32.99` is 92.99000000000001 there).
 */
function findInexactNumbers(doc: Document, value: unknown): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  const version = doc.directives?.yaml.version ?? '1.2';
  const inexact = (node: Node | undefined): string | undefined => {
    if (!isScalar(node) || typeof node.source !== 'string' || typeof node.value !== 'number')
      return undefined;
    const decimal = yamlNumberDecimal(node.source, version) ?? node.source;
    const written = canonicalDecimal(decimal);
    return written !== undefined && written !== canonicalNumber(node.value) ? decimal : undefined;
  };
  let any = false;
  visit(doc, {
    Scalar(_, node) {
      if (inexact(node) !== undefined) {
        any = true;
        return visit.BREAK;
      }
    },
  });
  if (!any) return found;
  // Rare: walk the value beside its nodes (merged and aliased values included) for the pointers.
  const walk = (current: unknown, node: Node | undefined, path: string[]): void => {
    if (found.size >= 1000) return;
    if (typeof current === 'number') {
      const decimal = inexact(node);
      if (decimal !== undefined) found.set(formatPointer(path), decimal);
    } else if (Array.isArray(current)) {
      current.forEach((item, i) =>
        walk(item, isSeq(node) ? deref(doc, node.items[i] as Node | undefined) : undefined, [
          ...path,
          String(i),
        ]),
      );
    } else if (current && typeof current === 'object') {
      for (const [key, item] of Object.entries(current))
        walk(item, deref(doc, pairAt(doc, node, key)?.value as Node | undefined), [...path, key]);
    }
  };
  walk(value, deref(doc, doc.contents as Node | null), []);
  return found;
}

/** Walks the YAML tree for depth and forbidden keys, which yaml itself allows. */
function checkYamlTree(
  doc: Document,
  limits: ParseLimits,
  at: (offset: number) => Position,
): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const heights = new Map<unknown, number>();
  const targets = resolveAliases(doc);
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0 && issues.length < 50) {
    const { node, depth } = stack.pop()!;
    // An alias nests its anchor's whole subtree where it stands.
    if (isAlias(node) && depth + aliasAwareHeight(targets, node, heights) > limits.maxDepth) {
      issues.push({
        message: `nesting deeper than ${limits.maxDepth} levels (through the alias *${node.source})`,
        position: node.range ? at(node.range[0]) : undefined,
      });
      continue;
    }
    if (isMap(node) || isSeq(node)) {
      if (depth + 1 > limits.maxDepth) {
        issues.push({
          message: `nesting deeper than ${limits.maxDepth} levels`,
          position: node.range ? at(node.range[0]) : undefined,
        });
        continue;
      }
      for (const item of node.items) {
        if (isPair(item)) {
          if (isScalar(item.key) && FORBIDDEN_KEYS.has(String(item.key.value))) {
            issues.push({
              message: `forbidden key "${String(item.key.value)}"`,
              position: item.key.range ? at(item.key.range[0]) : undefined,
            });
          }
          stack.push({ node: item.value, depth: depth + 1 });
        } else {
          stack.push({ node: item, depth: depth + 1 });
        }
      }
    }
  }
  return issues;
}
