// The escaping border, context by context, on the values the issue saw get through.

import { describe, expect, it } from 'vitest';
import { escapeMarkdown, mdCode, mdText, mdUrl } from '../../src/core/render/markdown-escape.js';
import { shapeOf } from './markdown-structure.js';
import { commentMarker } from '../../src/core/render/github/comment.js';
import { renderCrashSummary } from '../../src/core/render/github/check-run.js';

const ISSUE_VALUE =
  '</details> <img src=x onerror=alert(1)> @acme/security-team <!-- cutover-checkpoint:gate=x -->';
const FORGED_HEADING = '\n\n# ✅ Runtime cutover: GO';

describe('escapeMarkdown', () => {
  it("text: the issue's joint-record value is inert text", () => {
    const out = mdText(ISSUE_VALUE);
    expect(out).not.toMatch(/[<>]/);
    expect(out).not.toContain('<!--');
    const shape = shapeOf(`- ${out}`);
    expect(shape.html).toEqual([]);
    expect(shape.texts.join('')).not.toMatch(/@[a-z]/);
    expect(shape.texts.join('')).toContain('</details> <img src=x onerror=alert(1)> @');
  });

  it('text: a forged heading stays on the line it was put on', () => {
    const doc = `- signed by ${mdText(FORGED_HEADING)} at noon`;
    expect(shapeOf(doc).structure).toEqual(['list:ul:1', 'listItem', 'paragraph']);
  });

  it.each([
    ['# GO', 'heading'],
    ['1. x', 'list'],
    ['- x', 'list'],
    ['> x', 'blockquote'],
    ['---', 'thematicBreak'],
    ['    code', 'code'],
    ['[x](https://e.example)', 'link'],
    ['![x](https://e.example/i.png)', 'image'],
    ['**x**', 'strong'],
    ['_x_', 'emphasis'],
    ['~~x~~', 'delete'],
  ])('text: %j starts no %s in a list item or a table cell', (value) => {
    const item = shapeOf(`- ${mdText(value)}`);
    const table = shapeOf(`| a |\n|---|\n| ${mdText(value)} |`);
    expect(item.structure).toEqual(['list:ul:1', 'listItem', 'paragraph']);
    expect(table.structure).toEqual([
      'table:2',
      'tableRow:1',
      'tableCell',
      'tableRow:1',
      'tableCell',
    ]);
    expect(item.texts.join('')).toBe(value.trim());
  });

  it('code: a delimiter longer than any backtick run; pipes kept inside a table cell', () => {
    expect(mdCode('a ``` b')).toBe(
      '```` a ``` b ````'.replace(/^```` a/, '````a').replace(/b ````$/, 'b````'),
    );
    expect(mdCode('`x`')).toBe('`` `x` ``');
    const cell = mdCode('a \\| b | c', { table: true });
    const table = shapeOf(`| a | b |\n|---|---|\n| ${cell} | z |`);
    expect(table.structure).toEqual([
      'table:2',
      'tableRow:2',
      'tableCell',
      'tableCell',
      'tableRow:2',
      'tableCell',
      'tableCell',
    ]);
    expect(mdCode('<!-- x -->')).not.toMatch(/<!--|-->/);
  });

  it('block: output cannot close its fence or leave its <details>', () => {
    const tail = 'ok\n````\n</details>\n\n# ✅ GO\r```\r<!-- cutover-checkpoint:gate=x -->';
    const doc = [
      '<details><summary>tail</summary>',
      '',
      escapeMarkdown(tail, 'block'),
      '',
      '</details>',
    ];
    const shape = shapeOf(doc.join('\n'));
    expect(shape.structure).toEqual(['html', 'code:text', 'html']);
    expect(shape.code[0]!.value).toContain('# ✅ GO');
    expect(doc.join('\n')).not.toContain('<!-- cutover');
  });

  it('html: text inside <summary> is entities, no mention', () => {
    expect(escapeMarkdown('<b>@octocat</b> & "x"', 'html')).toBe(
      '&lt;b&gt;@\u200Boctocat&lt;/b&gt; &amp; &quot;x&quot;',
    );
  });

  it('label: Mermaid syntax and newlines are dropped', () => {
    expect(escapeMarkdown('a:b;c#d\n```\n%%{init}%% click x', 'label')).toBe(
      'a b c d init click x',
    );
    expect(escapeMarkdown('section evil', 'label')).toBe('_section evil');
    expect(escapeMarkdown('Click here', 'label')).toBe('_Click here');
    expect(escapeMarkdown('clicker', 'label')).toBe('clicker');
  });

  it('prose: paired backticks stay code, the rest is text', () => {
    expect(escapeMarkdown('`npm test` exited 1 <b>', 'prose')).toBe(
      '`npm test` exited 1 &lt;b&gt;',
    );
    expect(escapeMarkdown('one ` unpaired', 'prose')).toBe('one \\` unpaired');
    // An autolink right before a code span must not swallow its backtick (found by the fuzz test).
    const shape = shapeOf(`- ${escapeMarkdown('see http://e.example/x`<img src=x>`', 'prose')}`);
    expect(shape.html).toEqual([]);
  });

  it('urls: only http(s), and nothing that ends the link', () => {
    expect(mdUrl('javascript:alert(1)')).toBeNull();
    expect(mdUrl('https://x.example/a) [y](z')).toBeNull();
    expect(mdUrl('https://x.example/a)b')).toBe('https://x.example/a%29b');
  });

  it('lone surrogates never throw (encodeURIComponent would)', () => {
    expect(mdUrl('https://x.example/\uD800')).toBe('https://x.example/%EF%BF%BD');
    expect(commentMarker('a\uDC00')).toBe('<!-- cutover-checkpoint:gate=a%EF%BF%BD -->');
    expect(mdText('a\uD800b')).toBe('a\uFFFDb');
  });

  it('non-strings are shown as JSON; controls and bidi overrides are replaced', () => {
    expect(mdText({ a: 1 })).toBe('{"a":1}');
    expect(mdText('a\u0000b\u202Ec\u001b[31m')).toBe('a\uFFFDb\uFFFDc\uFFFD\\[31m');
  });

  it('the crash summary escapes the message (config errors quote keys from the tree)', () => {
    const summary = renderCrashSummary(
      "the configuration is not usable: gate.yml:3:1: unknown key '<img src=x> @acme/team'",
      'https://github.example/o/r/actions/runs/1',
    );
    const shape = shapeOf(summary);
    expect(shape.html).toEqual([]);
    expect(shape.texts.join('')).not.toMatch(/@[a-z]/);
    expect(shape.links.map((l) => l.url)).toEqual(['https://github.example/o/r/actions/runs/1']);
  });
});
