import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/core/parse/parse-document.js';

const limits = { maxDepth: 8 };

describe('parseText (JSON)', () => {
  it.each([
    ['trailing comma', '{\n  "a": 1,\n}', 'trailing comma in object', 3, 1],
    ['missing colon', '{"a" 1}', "expected ':' after a member name", 1, 6],
    ['unterminated string', '{\n "a": "x\n}', 'control character in string', 2, 9],
    ['bare word', '{"a": nope}', 'unexpected character "n"', 1, 7],
    ['empty input', '', 'unexpected end of input', 1, 1],
    ['text after value', '{} {}', 'unexpected text after the end', 1, 4],
    ['bad escape', '["\\x"]', 'bad escape in string', 1, 3],
    ['leading zero', '[01]', "expected ',' or ']' in array", 1, 3],
  ])('reports %s at its line and column', (_name, text, message, line, column) => {
    const result = parseText(text, 'json', limits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.message).toContain(message);
    expect(result.issues[0]!.position).toEqual({ line, column });
  });

  it('reports every duplicate key (JSON.parse would keep the last silently)', () => {
    const result = parseText('{\n  "a": 1,\n  "b": {"x": 1, "x": 2},\n  "a": 3\n}', 'json', limits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.message, i.position?.line, i.position?.column])).toEqual([
      ['duplicate key "x" (JSON.parse would silently keep the last one)', 3, 17],
      ['duplicate key "a" (JSON.parse would silently keep the last one)', 4, 3],
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s', (key) => {
    const result = parseText(`{"ok": {"${key}": {"polluted": true}}}`, 'json', limits);
    // Refused at the key, whatever the key: a check that cannot be skipped by an `if`.
    expect(result).toMatchObject({
      ok: false,
      issues: [{ message: `forbidden key "${key}"`, position: { line: 1, column: 9 } }],
    });
  });

  it('refuses nesting beyond the limit without recursing into it', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const result = parseText(deep, 'json', limits);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toEqual({
        message: 'nesting deeper than 8 levels',
        position: { line: 1, column: 9 },
      });
  });

  it('decodes escaped keys before comparing them', () => {
    const result = parseText('{"a": 1, "\\u0061": 2}', 'json', limits);
    expect(result.ok).toBe(false);
  });

  it('locates values and member names by JSON pointer', () => {
    const text = '{\n  "modes": {\n    "a/b": [10, {"k~": "v"}]\n  }\n}';
    const result = parseText(text, 'json', limits);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.locate('/modes/a~1b/1/k~0')).toEqual({ line: 3, column: 24 });
    expect(result.document.locate('/modes/a~1b/1/k~0', true)).toEqual({ line: 3, column: 18 });
    expect(result.document.locate('/modes/a~1b/0')).toEqual({ line: 3, column: 13 });
    expect(result.document.locate('')).toEqual({ line: 1, column: 1 });
    expect(result.document.locate('/modes/missing')).toBeUndefined();
    expect(result.document.locate('/modes/a~1b/7')).toBeUndefined();
  });

  it('accepts a byte-order mark and keeps positions honest', () => {
    const result = parseText('\uFEFF{"a": [1,]}', 'json', limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.position).toEqual({ line: 1, column: 11 });
  });
});

describe('parseText (YAML)', () => {
  it('reports a syntax error with its position', () => {
    const result = parseText('a: 1\nb: [1, 2\nc: 3\n', 'yaml', limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.position?.line).toBeGreaterThanOrEqual(2);
  });

  it('reports duplicate keys', () => {
    const result = parseText('a: 1\nb: 2\na: 3\n', 'yaml', limits);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({
        message: expect.stringContaining('unique'),
        position: { line: 3, column: 1 },
      });
  });

  it.each([
    ['a number and its text', '1: x\n"1": y\n'],
    ['a boolean and its text', 'true: x\n"true": y\n'],
    ['null and the empty text', 'null: x\n"": y\n'],
    ['~ and null', '~: x\nnull: y\n'],
    ['a float and its text', '1.5: x\n"1.5": y\n'],
  ])('refuses keys that are one JSON property: %s', (_, text) => {
    const result = parseText(text, 'yaml', limits);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({
        message: expect.stringContaining('unique'),
        position: { line: 2, column: 1 },
      });
  });

  it('keeps keys that differ as JSON properties', () => {
    const result = parseText('1: x\n"01": y\ntrue: z\nTrue2: w\n', 'yaml', limits);
    expect(result.ok && result.document.value).toEqual({
      1: 'x',
      '01': 'y',
      true: 'z',
      True2: 'w',
    });
  });

  it('refuses __proto__ keys and deep nesting', () => {
    const proto = parseText('x:\n  __proto__:\n    polluted: 1\n', 'yaml', limits);
    expect(proto).toMatchObject({
      ok: false,
      issues: [{ message: 'forbidden key "__proto__"', position: { line: 2, column: 3 } }],
    });
    const deep = parseText('a: ' + '['.repeat(20) + ']'.repeat(20), 'yaml', limits);
    expect(deep.ok).toBe(false);
  });

  it('stops alias bombs', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const result = parseText(lines.join('\n'), 'yaml', { maxDepth: 64 });
    expect(result.ok).toBe(false);
  });

  it.each([
    ['an alias to a deep anchor, nested again', 'a: &a [[[[1]]]]\nb: [[[*a]]]\n'],
    ['an alias inside a block map', 'a: &a {x: {y: {z: [1]}}}\nb:\n  c:\n    d:\n      e: *a\n'],
    [
      'an alias used as a merge key',
      'a: &a {x: {y: {z: {w: 1}}}}\nb:\n  c:\n    d:\n      <<: *a\n',
    ],
    ['a chain of aliases', 'a: &a [[1]]\nb: &b [[*a]]\nc: &c [[*b]]\nd: [*c]\n'],
  ])('anchors cannot smuggle nesting past max_depth: %s', (_, text) => {
    const limited = parseText(text, 'yaml', { maxDepth: 6 });
    expect(limited.ok).toBe(false);
    if (!limited.ok) expect(limited.issues[0]!.message).toMatch(/nesting deeper than 6 levels/);
    // The same document is fine when the limit covers its real depth.
    expect(parseText(text, 'yaml', { maxDepth: 12 }).ok).toBe(true);
  });

  it('a document reusing one anchor many times is checked in one walk of the anchor', () => {
    const text = ['a: &a [[[1]]]', ...Array.from({ length: 900 }, (_, i) => `k${i}: *a`)].join(
      '\n',
    );
    expect(parseText(text, 'yaml', { maxDepth: 4 }).ok).toBe(true);
    expect(parseText(text, 'yaml', { maxDepth: 3 }).ok).toBe(false);
  });

  it('locates keys and values', () => {
    const result = parseText('info:\n  title: x\nlist:\n  - a\n  - b\n', 'yaml', limits);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.locate('/info/title')).toEqual({ line: 2, column: 10 });
    expect(result.document.locate('/info/title', true)).toEqual({ line: 2, column: 3 });
    expect(result.document.locate('/list/1')).toEqual({ line: 5, column: 5 });
  });
});
