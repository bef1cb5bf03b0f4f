// Deterministic generator of hostile values for the Markdown fuzz test, and a record transform
// that puts one into every untrusted string of a decision record (ids kept consistent).

import type { DecisionRecord } from '../../src/core/record.js';

/** mulberry32: small, seeded, good enough to pick pieces. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '\n```\n',
  '\n````\n# ✅ GO\n',
  '\n~~~\n',
  '\r```\r',
  '\n\n</details>\n\n# ✅ GO\n',
  '`',
  '``',
  '```',
  '````````',
  '~~~',
  '|',
  '||',
  '\\',
  '\\|',
  '\\\\|',
  '<b>x</b>',
  '<img src=x onerror=alert(1)>',
  '</details>',
  '<details><summary>s</summary>',
  '</summary>',
  '<!-- cutover-checkpoint:gate=Cutover%20checkpoint -->',
  '<!--',
  '-->',
  '--!>',
  '@acme/security-team',
  '@octocat',
  'x@y.com',
  '#1',
  'acme/repo#12',
  '# ✅ GO',
  '\n\n# ✅ Runtime cutover: GO',
  '\n',
  '\r',
  '\r\n',
  '\n\n',
  '- item',
  '* item',
  '+ item',
  '1. item',
  '2) item',
  '> quote',
  '> [!WARNING]',
  '[link](https://evil.example)',
  '![img](https://evil.example/i.png)',
  '[x]: https://evil.example',
  '[^1]',
  '**bold**',
  '_em_',
  '__init__',
  '~~del~~',
  '~x~',
  '$x^2$',
  '$$',
  '---',
  '***',
  '===',
  '    indented',
  '\t',
  '&amp;',
  '&#64;user',
  '&lt;script&gt;',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u202e',
  '\u200b',
  '\ufeff',
  '😀',
  '✅',
  '日本語',
  'e\u0301',
  '%%{init: {"theme":"dark"}}%%',
  'click t href "javascript:alert(1)"',
  ':',
  ';',
  'http://evil.example/x',
  'www.evil.example',
  'javascript:alert(1)',
  '<https://evil.example>',
  '\\`',
  '`code`',
  ' ',
  '  ',
  '\u00a0',
  '|---|---|',
  '| a | b |',
  '<script>',
  '"',
  "'",
  ']',
  '[',
  '(',
  ')',
  '!',
  '*',
  '_',
  '=',
  '&',
  '<',
  '>',
];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789 !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~\n\t';

/** `count` distinct hostile values, never blank. */
export function generateValues(count: number, random: () => number): string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const values = new Set<string>();
  while (values.size < count) {
    let value = '';
    const parts = 1 + Math.floor(random() * 8);
    for (let i = 0; i < parts; i += 1) {
      const r = random();
      if (r < 0.55) value += pick(PIECES);
      else if (r < 0.8) value += pick(['alpha', 'GO', 'NO-GO', 'x', 'release', 'v1.2.3']);
      else if (r < 0.95) value += pick([...ALPHABET]);
      else value += String.fromCodePoint(Math.floor(random() * 0x2ffff));
    }
    // A few very long values: a run of one piece.
    if (random() < 0.02) value = pick(PIECES).repeat(50 + Math.floor(random() * 400)) + value;
    if (value.trim() === '') value = `w${value}`;
    if (values.has(value)) value += ` ${values.size}`;
    values.add(value);
  }
  return [...values];
}

// Fields the judge itself sets (statuses, states, decisions): not evidence, and renderers use them
// as keys. Everything else is replaced.
const TRUSTED_KEYS = new Set([
  'status',
  'state',
  'kind',
  'verdict',
  'decision_requested',
  'blocks',
  'scope',
]);
/** Objects whose keys are shown: baseline sources and signing roles. */
function hasShownKeys(path: readonly string[]): boolean {
  const [parent, key] = path.slice(-2);
  return (
    (parent === 'baseline' && key === 'observed') ||
    (parent === 'signatures' && (key === 'rehearsal' || key === 'cutover'))
  );
}

/**
 * The record with every untrusted string replaced through `replace` (same input, same output, so
 * ids that refer to each other still do).
 */
export function mapUntrusted(
  record: DecisionRecord,
  replace: (text: string) => string,
): DecisionRecord {
  const memo = new Map<string, string>();
  const swap = (text: string) => {
    if (text === '') return text;
    if (!memo.has(text)) memo.set(text, replace(text));
    return memo.get(text)!;
  };
  const walk = (value: unknown, path: string[]): unknown => {
    const key = path.at(-1);
    if (typeof value === 'string') return key && TRUSTED_KEYS.has(key) ? value : swap(value);
    if (Array.isArray(value)) return value.map((item) => walk(item, path));
    if (value === null || typeof value !== 'object') return value;
    const shown = hasShownKeys(path);
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [shown ? swap(k) : k, walk(v, [...path, k])]),
    );
  };
  return walk(record, []) as DecisionRecord;
}
