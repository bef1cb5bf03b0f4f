// Parses JSON or YAML text into a value plus a way back from a JSON pointer to line:column.
// Both formats refuse duplicate keys, `__proto__`-style keys and excessive nesting with a position.

import { scanJsonFull } from './json-scan.js';
import { locateJsonPointer, pointersAtOffsets } from './json-locate.js';
import { indexJsonPointers, type JsonOffsets } from './json-index.js';
import { formatPointer, parsePointer } from './json-pointer.js';
import { parseYaml } from './yaml-document.js';
import { createPositionLookup } from './positions.js';
import type { ParsedDocument, ParseLimits, ParseResult } from './parse-types.js';
import type { SourceLocation } from '../model.js';

export type { ParsedDocument, ParseIssue, ParseLimits, ParseResult } from './parse-types.js';

const INDEX_LIMIT = 8 * 1024 * 1024;

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
  const { issues, inexact } = scanJsonFull(body, { maxDepth: limits.maxDepth });
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
  const pointers =
    inexact.length > 0
      ? pointersAtOffsets(
          body,
          inexact.map((n) => n.offset),
        )
      : undefined;
  // Positions come from one walk, on the first ask; texts too large to index cheaply in memory
  // are walked per pointer instead.
  let index: Map<string, JsonOffsets> | undefined;
  const find = (pointer: string, key: boolean): number | undefined => {
    const segments = parsePointer(pointer);
    if (body.length > INDEX_LIMIT) return locateJsonPointer(body, segments, key);
    index ??= indexJsonPointers(body, limits.onScan);
    const offsets = index.get(formatPointer(segments));
    return key ? (offsets?.key ?? offsets?.value) : offsets?.value;
  };
  return {
    ok: true,
    document: {
      format: 'json',
      value,
      inexactNumbers: new Map(inexact.map((n) => [pointers?.get(n.offset) ?? '', n.text])),
      locate(pointer, key = false) {
        const found = find(pointer, key);
        return found === undefined ? undefined : toPosition(found + offset);
      },
    },
  };
}
