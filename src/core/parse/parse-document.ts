// Parses JSON or YAML text into a value plus a way back from a JSON pointer to line:column.
// Both formats refuse duplicate keys, `__proto__`-style keys and excessive nesting with a position.

import { scanJsonFull } from './json-scan.js';
import { locateJsonPointer, pointersAtOffsets } from './json-locate.js';
import { parsePointer } from './json-pointer.js';
import { parseYaml } from './yaml-document.js';
import { createPositionLookup, type Position } from './positions.js';
import type { SourceLocation } from '../model.js';

/** A parsed file: its value and a pointer → position lookup into its text. */
export interface ParsedDocument {
  format: 'json' | 'yaml';
  value: unknown;
  /**
   * Numbers a double cannot hold exactly (beyond 2^53, 1e400, long decimals), by pointer, with
   * the text the file wrote: compare these by exact value, never by the rounded `value`.
   */
  inexactNumbers?: ReadonlyMap<string, string>;
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
  return {
    ok: true,
    document: {
      format: 'json',
      value,
      inexactNumbers: new Map(inexact.map((n) => [pointers?.get(n.offset) ?? '', n.text])),
      locate(pointer, key = false) {
        const found = locateJsonPointer(body, parsePointer(pointer), key);
        return found === undefined ? undefined : toPosition(found + offset);
      },
    },
  };
}
