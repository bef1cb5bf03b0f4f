// Finds where a JSON pointer's value sits in a text that scanned clean, and which pointer holds
// the value at an offset, by walking the text with the scanner's cursor (nothing is built).

import { JsonCursor, SyntaxStop } from './json-scanner.js';
import { formatPointer } from './json-pointer.js';

/**
 * Finds where the value (or, with `key`, the member name) a pointer addresses starts.
 * Expects text that scanned clean; returns undefined when the pointer is absent.
 */
export function locateJsonPointer(
  text: string,
  segments: readonly string[],
  key = false,
): number | undefined {
  const cursor = new JsonCursor(text);
  const find = (index: number): number | undefined => {
    if (index === segments.length) return cursor.pos;
    const segment = segments[index];
    const c = cursor.text.charCodeAt(cursor.pos);
    if (c === 123) {
      if (cursor.open(125)) return undefined;
      for (;;) {
        const keyOffset = cursor.pos;
        const name = cursor.scanString();
        cursor.expectColon();
        if (name === segment)
          return key && index === segments.length - 1 ? keyOffset : find(index + 1);
        skipValue(cursor);
        if (cursor.afterMember(125, 'object')) return undefined;
      }
    }
    if (c === 91) {
      if (cursor.open(93)) return undefined;
      for (let i = 0; ; i++) {
        if (String(i) === segment) return find(index + 1);
        skipValue(cursor);
        if (cursor.afterMember(93, 'array')) return undefined;
      }
    }
    return undefined;
  };
  try {
    cursor.skipWhitespace();
    return find(0);
  } catch (error) {
    if (error instanceof SyntaxStop) return undefined;
    throw error;
  }
}

/** The JSON pointer of the value starting at each offset (offsets from a clean scan). */
export function pointersAtOffsets(text: string, offsets: readonly number[]): Map<number, string> {
  const wanted = new Set(offsets);
  const found = new Map<number, string>();
  const cursor = new JsonCursor(text);
  const path: string[] = [];
  const walk = (): void => {
    if (wanted.has(cursor.pos)) found.set(cursor.pos, formatPointer(path));
    if (cursor.scanScalar()) return;
    if (cursor.text.charCodeAt(cursor.pos) === 91) {
      if (cursor.open(93)) return;
      for (let i = 0; ; i++) {
        path.push(String(i));
        walk();
        path.pop();
        if (cursor.afterMember(93, 'array')) return;
      }
    }
    if (cursor.open(125)) return;
    do {
      path.push(cursor.scanString());
      cursor.expectColon();
      walk();
      path.pop();
    } while (!cursor.afterMember(125, 'object'));
  };
  cursor.skipWhitespace();
  walk();
  return found;
}

function skipValue(cursor: JsonCursor): void {
  if (cursor.scanScalar()) return;
  const close = cursor.text.charCodeAt(cursor.pos) === 91 ? 93 : 125;
  if (cursor.open(close)) return;
  do {
    if (close === 125) {
      cursor.scanString();
      cursor.expectColon();
    }
    skipValue(cursor);
  } while (!cursor.afterMember(close, close === 93 ? 'array' : 'object'));
}
