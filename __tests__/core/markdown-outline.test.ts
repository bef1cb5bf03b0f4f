// Markdown read through the CommonMark + GFM tree: which boxes, headings and impact statements a
// reader of the rendered page sees. Table-driven, in-process.
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/core/markdown/read-markdown.js';
import {
  findImpactStatement,
  findVersionSection,
  isPlaceholder,
} from '../../src/core/markdown/impact-statement.js';

const unticked = (text: string) =>
  readMarkdown(text)
    .tasks.filter((t) => !t.checked)
    .map((t) => [t.text, t.line]);

describe('task boxes', () => {
  it.each([
    ['a plain list', '- [ ] a\n- [x] b\n', [['a', 1]]],
    ['a block quote', '> - [ ] quoted\n', [['quoted', 1]]],
    ['a quote in a quote', '> > * [ ] deep\n', [['deep', 1]]],
    ['a nested list', '- [x] a\n  - [ ] b\n', [['b', 2]]],
    ['an ordered list', '1. [ ] one\n2) [x] two\n', [['one', 1]]],
    ['CRLF line ends', '- [x] a\r\n- [ ] item\r\n', [['item', 2]]],
    ['CR line ends', '- [ ] a\r- [x] b\r', [['a', 1]]],
    ['a bare box', '- [ ]\n', [['', 1]]],
    ['a ``` fence', '```\n- [ ] example\n```\n', []],
    ['a ~~~ fence', '~~~md\n- [ ] example\n~~~\n', []],
    ['a longer fence holding ```', '````\n```\n- [ ] x\n```\n````\n', []],
    ['an indented block', 'text\n\n    - [ ] code\n', []],
    ['an HTML comment', '<!--\n- [ ] hidden\n-->\n', []],
    ['a one-line HTML comment', '<!-- - [ ] hidden -->\n', []],
    ['uppercase X', '- [X] done\n', []],
  ])('%s', (_, text, expected) => {
    expect(unticked(text)).toEqual(expected);
  });
});

describe('headings and visible text', () => {
  it('reads ATX and setext headings, not those in code', () => {
    const outline = readMarkdown('Title\n=====\n\n```\n# not a heading\n```\n\n## Sub ##\n');
    expect(outline.headings.map((h) => [h.depth, h.text, h.line])).toEqual([
      [1, 'Title', 1],
      [2, 'Sub', 8],
    ]);
  });
  it('blanks HTML comments out of the visible text, keeping lines', () => {
    const outline = readMarkdown('a <!-- secret --> b\n<!--\nhidden\n-->\nc\n');
    expect(outline.visibleText).not.toContain('secret');
    expect(outline.visibleText).not.toContain('hidden');
    expect(outline.visibleText.split('\n')).toHaveLength(6);
  });
  it('survives deep nesting without exhausting the stack', () => {
    expect(() => readMarkdown('>'.repeat(20_000) + ' - [ ] x\n')).not.toThrow();
  });
});

describe('consumer-impact statements', () => {
  const impact = /consumer impact/i;
  const statement = (body: string, version = '1.0.0') => {
    const section = findVersionSection(
      readMarkdown(
        `# Changelog\n\n## [1.0.0]\n\n${body}\n## [0.9.0]\n\n### Consumer impact\nold\n`,
      ),
      version,
    );
    return section ? findImpactStatement(section, impact) : undefined;
  };
  it.each([
    [
      'an empty heading followed by another',
      '### Consumer impact\n\n### Fixed\n- a fix\n',
      'empty',
    ],
    ['an empty heading at the end of the section', '### Consumer impact\n', 'empty'],
    ['only a comment under it', '### Consumer impact\n<!-- fill -->\n', 'empty'],
    ['TBD', '### Consumer impact\nTBD\n', 'placeholder'],
    ['TODO: with words', '### Consumer impact\nTODO: write this\n', 'placeholder'],
    ['<fill in>', '### Consumer impact\n<fill in>\n', 'placeholder'],
    ['[describe the impact]', '### Consumer impact\n[describe the impact]\n', 'placeholder'],
    ['N/A in a bold lead', '**Consumer impact:** N/A\n', 'placeholder'],
    ['an ellipsis', '### Consumer impact\n…\n', 'placeholder'],
    ['a statement', '### Consumer impact\nNone for v2 consumers.\n', 'stated'],
    ['none, in a list item', '- Consumer impact: none\n', 'stated'],
    ['a list under the heading', '### Consumer impact\n- v2: unchanged\n', 'stated'],
    [
      'a statement under a sub-heading',
      '### Consumer impact\n#### Details\nv3 adds a field\n',
      'stated',
    ],
    ['no impact at all', '### Fixed\n- a fix\n', 'absent'],
  ])('%s', (_, body, kind) => {
    expect(statement(body)?.kind).toBe(kind);
  });
  it('finds sections by version with or without v, with any regex character', () => {
    expect(statement('### Consumer impact\nok\n', '1.0.0')?.kind).toBe('stated');
    expect(
      findVersionSection(readMarkdown('## v2.0.0+build[1]\n'), '2.0.0+build[1]'),
    ).toBeDefined();
    expect(findVersionSection(readMarkdown('## 1.0.0\n'), '1.0')).toBeUndefined();
  });
  it.each([
    ['TBD', true],
    ['tbd.', true],
    ['To be determined', true],
    ['<fill in>', true],
    ['{{ impact }}', true],
    ['n/a', true],
    ['TODO', true],
    ['-', true],
    ['none', false],
    ['No change for consumers', false],
    ['Consumers must read meta.request_id', false],
  ])('isPlaceholder(%j) is %s', (text, expected) => {
    expect(isPlaceholder(text)).toBe(expected);
  });
});
