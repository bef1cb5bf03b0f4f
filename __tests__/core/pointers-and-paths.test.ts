import { describe, expect, it } from 'vitest';
import {
  formatPointer,
  parsePointer,
  resolveDottedPath,
  resolvePointer,
} from '../../src/core/parse/json-pointer.js';
import { normalizeWorkspacePath } from '../../src/core/workspace-path.js';
import { suggestName } from '../../src/core/config/did-you-mean.js';
import { parseDuration } from '../../src/core/config/duration.js';

describe('JSON pointers', () => {
  it.each([
    ['', []],
    ['/a', ['a']],
    ['/a~1b/c~0d', ['a/b', 'c~d']],
    ['/0/', ['0', '']],
  ])('parses %j', (pointer, segments) => {
    expect(parsePointer(pointer)).toEqual(segments);
    expect(formatPointer(segments)).toBe(pointer);
  });

  it('resolves only own properties and valid indexes', () => {
    const value = { a: [1, { b: 2 }] };
    expect(resolvePointer(value, '/a/1/b')).toEqual({ found: true, value: 2 });
    expect(resolvePointer(value, '/a/01')).toEqual({ found: false });
    expect(resolvePointer(value, '/a/2')).toEqual({ found: false });
    expect(resolvePointer(value, '/toString')).toEqual({ found: false });
    expect(resolveDottedPath({ error: { code: 'X' } }, 'error.code')).toEqual({
      found: true,
      value: 'X',
    });
  });
});

describe('normalizeWorkspacePath', () => {
  it.each([
    ['docs/a.md', 'docs/a.md'],
    ['./docs//a.md', 'docs/a.md'],
    ['docs/../a.md', 'a.md'],
    ['.', '.'],
  ])('keeps %s inside as %s', (input, output) => {
    expect(normalizeWorkspacePath(input)).toEqual({ ok: true, path: output });
  });

  it.each([
    ['../secret', "leaves the workspace through '..'"],
    ['docs/../../x', "leaves the workspace through '..'"],
    ['/etc/passwd', 'is absolute'],
    ['C:\\x', 'is absolute'],
    ['~/x', 'is absolute'],
  ])('refuses %s', (input, reason) => {
    const result = normalizeWorkspacePath(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('suggestName', () => {
  it.each([
    ['comands', 'commands'],
    ['artifact', 'artifacts'],
    ['basline', 'baseline'],
    ['jiont_decision', 'joint_decision'],
    ['zzz', undefined],
  ])('suggests for %s', (typo, expected) => {
    expect(
      suggestName(typo, ['commands', 'artifacts', 'baseline', 'joint_decision', 'documents']),
    ).toBe(expected);
  });
});

describe('parseDuration', () => {
  it.each([
    [90, 90_000],
    ['90s', 90_000],
    ['10m', 600_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['10 minutes', undefined],
    [-1, undefined],
  ])('%j → %j ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });
});
