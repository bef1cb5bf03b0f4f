// A structural JSON scanner. JSON.parse builds values fast but forgives duplicate keys (it keeps the
// last one), accepts `__proto__` keys, rounds numbers a double cannot hold, and on Node 20 reports
// syntax errors without a position. This scanner builds nothing: it checks syntax, nesting depth,
// duplicate and forbidden keys, and lists the numbers JSON.parse would round, each with its offset.

import { JsonCursor, SyntaxStop, type ScanIssue } from './json-scanner.js';
import { isExactNumberText } from './exact-number.js';

export type { ScanIssue } from './json-scanner.js';

/** Keys that must never reach a JS object built from untrusted text. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Options for a scan. */
export interface ScanOptions {
  maxDepth: number;
  /** Stop collecting after this many key problems. */
  maxIssues?: number;
}

/** What a scan found: issues (a syntax error is always the last) and inexact numbers. */
export interface ScanResult {
  issues: ScanIssue[];
  /** Offsets and source texts of numbers a double cannot hold exactly. */
  inexact: { offset: number; text: string }[];
}

/** Scans a JSON text; returns every issue found (a syntax error is always the last). */
export function scanJson(text: string, options: ScanOptions): ScanIssue[] {
  return scanJsonFull(text, options).issues;
}

/** Scans a JSON text; returns its issues and the numbers JSON.parse would round. */
export function scanJsonFull(text: string, options: ScanOptions): ScanResult {
  const cursor = new JsonCursor(text);
  const inexact: ScanResult['inexact'] = [];
  cursor.onNumber = (offset, number) => {
    if (!isExactNumberText(number)) inexact.push({ offset, text: number });
  };
  let keyIssues = 0;
  const note = (offset: number, message: string) => {
    if (keyIssues++ < (options.maxIssues ?? 50))
      cursor.issues.push({ offset, message, fatal: false });
  };
  const scanValue = (depth: number): void => {
    if (cursor.scanScalar()) return;
    if (depth + 1 > options.maxDepth) cursor.fail(`nesting deeper than ${options.maxDepth} levels`);
    if (cursor.text.charCodeAt(cursor.pos) === 91) {
      if (cursor.open(93)) return;
      do scanValue(depth + 1);
      while (!cursor.afterMember(93, 'array'));
      return;
    }
    if (cursor.open(125)) return;
    // Most objects have a few keys: a short list is cheaper than a Set for each (a Set past 8).
    let seen: string[] | Set<string> = [];
    do {
      if (cursor.text.charCodeAt(cursor.pos) !== 34)
        cursor.fail(`expected a member name in double quotes`);
      const keyOffset = cursor.pos;
      const key = cursor.scanString();
      if (Array.isArray(seen) ? seen.includes(key) : seen.has(key))
        note(keyOffset, `duplicate key "${key}" (JSON.parse would silently keep the last one)`);
      if (Array.isArray(seen) && seen.length >= 8) seen = new Set(seen);
      if (Array.isArray(seen)) seen.push(key);
      else seen.add(key);
      if (FORBIDDEN_KEYS.has(key)) note(keyOffset, `forbidden key "${key}"`);
      cursor.expectColon();
      scanValue(depth + 1);
    } while (!cursor.afterMember(125, 'object'));
  };
  try {
    cursor.skipWhitespace();
    scanValue(0);
    cursor.skipWhitespace();
    if (cursor.pos < text.length) cursor.fail('unexpected text after the end of the JSON value');
  } catch (error) {
    if (!(error instanceof SyntaxStop)) throw error;
  }
  return { issues: cursor.issues, inexact };
}
