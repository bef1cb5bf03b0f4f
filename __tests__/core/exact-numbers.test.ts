// Numbers a double cannot hold: found by the parsers with their source text, compared by exact
// decimal value, and never schema-validated on a rounded copy. Table-driven, in-process.
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, isExactNumberText } from '../../src/core/parse/exact-number.js';
import { parseText, type ParsedDocument } from '../../src/core/parse/parse-document.js';
import {
  canonicalValue,
  compareExactSets,
  exactNumbersUnder,
} from '../../src/core/values/canonical-value.js';
import { createSchemaValidator } from '../../src/core/schema/schema-validator.js';
import { validateDocument } from '../../src/core/schema/validate-document.js';

const parsed = (text: string, format: 'json' | 'yaml'): ParsedDocument => {
  const result = parseText(text, format);
  if (!result.ok) throw new Error(result.issues[0]!.message);
  return result.document;
};

describe('exact decimal text', () => {
  it.each([
    ['150', '15e1'],
    ['1.50e2', '15e1'],
    ['-0.0010', '-1e-3'],
    ['0', '0'],
    ['-0.0e5', '0'],
    ['12345678901234567891', '12345678901234567891e0'],
  ])('canonicalDecimal(%s) = %s', (text, canonical) => {
    expect(canonicalDecimal(text)).toBe(canonical);
  });
  it.each([
    ['9007199254740992', true],
    ['9007199254740993', false],
    ['12345678901234567891', false],
    ['1e400', false],
    ['-1e400', false],
    ['1e-400', false],
    ['0.1', true],
    ['0.1000000000000000055511151231257827', false],
    ['1.5e300', true],
    ['1E21', true],
    ['0x1F', true],
    ['0x20000000000001', false],
    ['.inf', true],
  ])('isExactNumberText(%s) is %s', (text, exact) => {
    expect(isExactNumberText(text)).toBe(exact);
  });
});

describe('parsers keep the source text of inexact numbers by pointer', () => {
  it.each([
    ['JSON', '{"a": {"b": [1, 9007199254740993]}, "c": 1e400, "d": 2.5}', 'json'],
    ['YAML', 'a:\n  b: [1, 9007199254740993]\nc: 1e400\nd: 2.5\n', 'yaml'],
  ] as const)('%s', (_, text, format) => {
    expect([...parsed(text, format).inexactNumbers!]).toEqual([
      ['/a/b/1', '9007199254740993'],
      ['/c', '1e400'],
    ]);
  });
  // Every spelling of a number a double cannot hold is found (the parser skips its walk only for
  // text that cannot hold one), by its exact decimal value.
  it.each([
    ['9007199254740993', '9007199254740993'],
    ['1234567890.12345678', '1234567890.12345678'],
    ['-0.10000000000000000001', '-0.10000000000000000001'],
    ['+9007199254740993', '9007199254740993'],
    ['1e400', '1e400'],
    ['3e-324', '3e-324'],
    ['1.0E+0400', '1.0E+0400'],
    ['0x20000000000001', '9007199254740993'],
    ['0o400000000000000001', '9007199254740993'],
  ])('YAML %s is kept as %s', (number, decimal) => {
    expect([...parsed(`a: [1, 2.5]\nb: ${number}\n`, 'yaml').inexactNumbers!]).toEqual([
      ['/b', decimal],
    ]);
  });
  it.each([
    ['9_007_199_254_740_993', '9007199254740993'],
    ['-0b100000000000000000000000000000000000000000000000000001', '-9007199254740993'],
    ['0400000000000000001', '9007199254740993'],
    ['59:59:59:59:59:59:59:59:59:59', '604661759999999999'],
    ['1:59:59:59:59:59:59:59:59:59.5', '20155391999999999.5'],
    // yaml computes base 60 in floating point: 92.99000000000001, not the 92.99 written.
    ['1:32.99', '92.99'],
    ['-1:32.01', '-92.01'],
  ])('YAML 1.1 %s is kept as %s', (number, decimal) => {
    expect([...parsed(`%YAML 1.1\n---\nx: ${number}\n`, 'yaml').inexactNumbers!]).toEqual([
      ['/x', decimal],
    ]);
  });
  it('a byte-order mark before %YAML 1.1 hides nothing', () => {
    const text = '\uFEFF%YAML 1.1\n---\nx: 9_007_199_254_740_993\n';
    expect([...parsed(text, 'yaml').inexactNumbers!]).toEqual([['/x', '9007199254740993']]);
  });
  it('YAML whose numbers all fit reports none', () => {
    const text = 'a: 123456789012345\nb: 0.123456789012345\nc: 1.5e300\nd: 0x1FFFFFFFFFFFFF\n';
    expect([...parsed(text, 'yaml').inexactNumbers!]).toEqual([]);
  });
  it('YAML numbers reached through merge keys and aliases', () => {
    const doc = parsed('base: &b\n  big: 12345678901234567891\nx:\n  <<: *b\ny: *b\n', 'yaml');
    expect(doc.value).toMatchObject({ x: { big: 12345678901234567000 } });
    expect(doc.inexactNumbers?.get('/x/big')).toBe('12345678901234567891');
    expect(doc.inexactNumbers?.get('/y/big')).toBe('12345678901234567891');
    expect(doc.locate('/x/big')).toEqual({ line: 2, column: 8 });
  });
  it('merge keys: own keys win, then merged maps in order; positions point where keys are written', () => {
    const doc = parsed(
      'a: &a { k: 1, m: 1 }\nb: &b { k: 2, n: 2 }\nc:\n  <<: [*a, *b]\n  m: 3\n',
      'yaml',
    );
    expect(doc.value).toMatchObject({ c: { k: 1, m: 3, n: 2 } });
    expect(doc.locate('/c/n')).toEqual({ line: 2, column: 18 });
    expect(doc.locate('/c/k', true)).toEqual({ line: 1, column: 9 });
  });
});

describe('comparison by exact value', () => {
  const doc = parsed(
    '{"l": 12345678901234567891, "r": 12345678901234567892, "s": 1.50e2, "t": 150, "u": [9007199254740993, 1], "v": [1, 9007199254740992]}',
    'json',
  );
  const side = (pointer: string) => ({
    value: (doc.value as Record<string, unknown>)[pointer.slice(1)],
    exact: exactNumbersUnder(doc.inexactNumbers, pointer),
  });
  const same = (a: string, b: string) =>
    canonicalValue(side(a).value, side(a).exact) === canonicalValue(side(b).value, side(b).exact);
  it('two integers that round to one double differ', () => expect(same('/l', '/r')).toBe(false));
  it('one value written two ways is equal', () => expect(same('/s', '/t')).toBe(true));
  it('sets differ by the exact member', () => {
    const u = side('/u');
    const v = side('/v');
    expect(
      compareExactSets(
        { items: v.value as unknown[], exact: v.exact },
        { items: u.value as unknown[], exact: u.exact },
      ),
    ).toEqual({ added: ['9007199254740993'], removed: ['9007199254740992'] });
  });
});

describe('schema validation never passes a rounded copy', () => {
  const validator = createSchemaValidator();
  const compile = async (schema: object) => {
    await validator.load(['2020-12']);
    const compiled = validator.compile({ name: `s${JSON.stringify(schema).length}`, schema });
    if (!compiled.ok) throw new Error(compiled.message);
    return compiled;
  };
  it.each([
    ['maximum', { properties: { n: { maximum: 9007199254740992 } } }, true],
    ['const', { properties: { n: { const: 9007199254740992 } } }, true],
    ['integer type', { properties: { n: { type: 'integer' } } }, true],
    ['number type only', { properties: { n: { type: 'number' } } }, false],
  ])('%s: a finding is %s', async (_, schema, expected) => {
    const compiled = await compile(schema);
    const findings = validateDocument(
      compiled.validate,
      parsed('{"n": 9007199254740993}', 'json'),
      'a.json',
      compiled.numeric,
    );
    expect(findings.some((f) => f.message.includes('/n is 9007199254740993'))).toBe(expected);
  });
});
