// Positions cost one walk of a file, however many are asked for (issue 10): work for 2N modes
// with 5 positions each is about twice the work for N, not four times. Counted, not timed.
import { describe, expect, it } from 'vitest';
import { locateJsonPointer } from '../../src/core/parse/json-locate.js';
import { parsePointer } from '../../src/core/parse/json-pointer.js';
import { createPositionLookup } from '../../src/core/parse/positions.js';
import { parseText, type ParsedDocument } from '../../src/core/parse/parse-document.js';

const handoff = (modes: number) =>
  JSON.stringify(
    {
      modes: Object.fromEntries(
        Array.from({ length: modes }, (_, i) => [
          `mode-${i}`,
          { enabled: true, owner: `team-${i}`, rollback: { steps: [1, 2, 3] }, 'a/b~c': i },
        ]),
      ),
    },
    null,
    2,
  );

function work(modes: number): { characters: number; walks: number; document: ParsedDocument } {
  let characters = 0;
  let walks = 0;
  const parsed = parseText(handoff(modes), 'json', {
    maxDepth: 64,
    onScan: (n) => {
      characters += n;
      walks += 1;
    },
  });
  if (!parsed.ok) throw new Error('fixture does not parse');
  for (let i = 0; i < modes; i++) {
    const at = `/modes/mode-${i}`;
    for (const pointer of [at, `${at}/enabled`, `${at}/owner`, `${at}/rollback/steps/2`])
      expect(parsed.document.locate(pointer)).toBeDefined();
    expect(parsed.document.locate(`${at}/a~1b~0c`, true)).toBeDefined();
  }
  return { characters, walks, document: parsed.document };
}

describe('positions scale linearly', () => {
  it('2N modes cost about twice N (one walk per file)', () => {
    const small = work(200);
    const large = work(400);
    expect([small.walks, large.walks]).toEqual([1, 1]);
    const ratio = large.characters / small.characters;
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.1);
  });

  it('positions from the index are the ones the text has', () => {
    const text = '{\n  "a": [10, {"b~/": 2}],\n  "c": null\n}';
    const parsed = parseText(text, 'json');
    if (!parsed.ok) throw new Error('does not parse');
    const at = (p: string, key = false) => parsed.document.locate(p, key);
    expect(at('')).toEqual({ line: 1, column: 1 });
    expect(at('/a')).toEqual({ line: 2, column: 8 });
    expect(at('/a', true)).toEqual({ line: 2, column: 3 });
    expect(at('/a/1/b~0~1')).toEqual({ line: 2, column: 21 });
    expect(at('/a/1/b~0~1', true)).toEqual({ line: 2, column: 14 });
    expect(at('/a/0', true)).toEqual({ line: 2, column: 9 });
    expect(at('/c')).toEqual({ line: 3, column: 8 });
    expect(at('/a/01')).toBeUndefined();
    expect(at('/missing')).toBeUndefined();
  });

  it('agrees with the per-pointer walk for every pointer, value and key', () => {
    const text = handoff(5);
    const position = createPositionLookup(text);
    const { document } = work(5);
    for (let i = 0; i < 5; i++)
      for (const tail of ['', '/enabled', '/rollback', '/rollback/steps/0', '/a~1b~0c', '/nope'])
        for (const key of [false, true]) {
          const pointer = `/modes/mode-${i}${tail}`;
          const old = locateJsonPointer(text, parsePointer(pointer), key);
          expect([pointer, key, document.locate(pointer, key)]).toEqual([
            pointer,
            key,
            old === undefined ? undefined : position(old),
          ]);
        }
  });
});
