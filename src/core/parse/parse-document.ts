// Parses JSON or YAML text into a value plus a way back from a JSON pointer to line:column.
// Both formats refuse duplicate keys, `__proto__`-style keys and excessive nesting with a position.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { locateJsonPointer, scanJson, FORBIDDEN_KEYS } from './json-scan.js';
import { parsePointer } from './json-pointer.js';
import { createPositionLookup, type Position } from './positions.js';
import type { SourceLocation } from '../model.js';

/** A parsed file: its value and a pointer → position lookup into its text. */
export interface ParsedDocument {
  format: 'json' | 'yaml';
  value: unknown;
  /** Where the value at `pointer` starts; with `key`, where its member name starts. */
  locate(pointer: string, key?: boolean): Position | undefined;
}

/** One reason a text could not be parsed. */
export interface ParseIssue {
  message: string;
  position?: Position;
}

export type ParseResult =
  { ok: true; document: ParsedDocument } | { ok: false; issues: ParseIssue[] };

/** Limits that keep a hostile file from costing the gate its memory or stack. */
export interface ParseLimits {
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 64 };

/** Where a pointer (or, with `key`, its member name) sits in a file, as a finding's location. */
export function locationOf(
  file: string,
  document: ParsedDocument,
  pointer: string,
  key = false,
): SourceLocation {
  return { file, pointer, ...(document.locate(pointer, key) ?? {}) };
}

/** Picks the format from the file name, falling back to the first character. */
export function detectFormat(path: string, text: string): 'json' | 'yaml' {
  if (/\.json$/i.test(path)) return 'json';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/** Parses a text as the given format. */
export function parseText(
  text: string,
  format: 'json' | 'yaml',
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParseResult {
  return format === 'json' ? parseJson(text, limits) : parseYaml(text, limits);
}

function parseJson(text: string, limits: ParseLimits): ParseResult {
  const toPosition = createPositionLookup(text);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const offset = body === text ? 0 : 1;
  const issues = scanJson(body, { maxDepth: limits.maxDepth });
  if (issues.length > 0) {
    return {
      ok: false,
      issues: issues.map((issue) => ({
        message: issue.message,
        position: toPosition(issue.offset + offset),
      })),
    };
  }
  const value: unknown = JSON.parse(body);
  return {
    ok: true,
    document: {
      format: 'json',
      value,
      locate(pointer, key = false) {
        const found = locateJsonPointer(body, parsePointer(pointer), key);
        return found === undefined ? undefined : toPosition(found + offset);
      },
    },
  };
}

function parseYaml(text: string, limits: ParseLimits): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const issues: ParseIssue[] = doc.errors.map((error) => ({
    message: error.message.split('\n')[0] ?? error.message,
    position: at(error.pos[0]),
  }));
  if (issues.length === 0) issues.push(...checkYamlTree(doc.contents, limits, at));
  if (issues.length > 0) return { ok: false, issues };
  let value: unknown;
  try {
    // Aliases are expanded here; the limit stops "billion laughs" documents.
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return { ok: false, issues: [{ message: (error as Error).message }] };
  }
  return {
    ok: true,
    document: {
      format: 'yaml',
      value,
      locate(pointer, key = false) {
        const segments = parsePointer(pointer);
        if (key && segments.length > 0) {
          const parent = doc.getIn(segments.slice(0, -1), true);
          if (isMap(parent)) {
            const pair = parent.items.find(
              (item) => isScalar(item.key) && String(item.key.value) === segments.at(-1),
            );
            const range = (pair?.key as Node | undefined)?.range;
            if (range) return at(range[0]);
          }
        }
        const node = segments.length === 0 ? doc.contents : doc.getIn(segments, true);
        const range = (node as Node | undefined)?.range;
        return range ? at(range[0]) : undefined;
      },
    },
  };
}

/** Walks the YAML tree for depth and forbidden keys, which yaml itself allows. */
function checkYamlTree(
  root: unknown,
  limits: ParseLimits,
  at: (offset: number) => Position,
): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0 && issues.length < 50) {
    const { node, depth } = stack.pop()!;
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
