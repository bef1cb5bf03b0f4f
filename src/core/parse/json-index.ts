// Every value's (and member name's) offset in a JSON text, by JSON pointer, from one walk: a
// file's positions then cost one scan, however many findings or checks ask (not one scan each).

import { JsonCursor } from './json-scanner.js';
import { formatPointer } from './json-pointer.js';

/** Offsets of one pointer's value and, for an object member, of its name. */
export interface JsonOffsets {
  value: number;
  key?: number;
}

/**
 * Walks a text that scanned clean once; pointer (as formatPointer writes it) → offsets.
 * `onScan` is told how many characters the walk visited (an operation count for tests).
 */
export function indexJsonPointers(
  text: string,
  onScan?: (characters: number) => void,
): Map<string, JsonOffsets> {
  const index = new Map<string, JsonOffsets>();
  const cursor = new JsonCursor(text);
  const path: string[] = [];
  const walk = (key?: number): void => {
    index.set(
      formatPointer(path),
      key === undefined ? { value: cursor.pos } : { value: cursor.pos, key },
    );
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
      const keyOffset = cursor.pos;
      path.push(cursor.scanString());
      cursor.expectColon();
      walk(keyOffset);
      path.pop();
    } while (!cursor.afterMember(125, 'object'));
  };
  cursor.skipWhitespace();
  walk();
  onScan?.(cursor.pos);
  return index;
}
