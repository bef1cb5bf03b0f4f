// Thousands of hostile values (control characters, backtick runs, pipes, HTML, </details>,
// comment markers, @mentions, headings, very long strings, unicode) placed into every untrusted
// string of real decision records and rendered through every Markdown renderer. Each output,
// parsed as GitHub-flavoured Markdown, must have the structure the same record has with plain
// values, no raw HTML of the values' making, no linkable mention or issue reference, no marker
// copy and no open fence. Deterministic: a fixed seed.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/core/record.js';
import { FULL_DETAIL, renderMarkdown } from '../../src/core/render/markdown.js';
import { renderDecisionSummary } from '../../src/core/render/github/decision-summary.js';
import { commentMarker, renderComment } from '../../src/core/render/github/comment.js';
import { renderCheckOutput } from '../../src/core/render/github/check-run.js';
import { openFence } from '../../src/core/render/github/limits.js';
import { createRandom, generateValues, mapUntrusted } from './fuzz-values.js';
import { shapeOf, type MarkdownShape } from './markdown-structure.js';

const CASES = join(import.meta.dirname, '..', 'scenarios', 'cases');
const BASES = [
  'command-timed-out',
  'command-not-found',
  'integrity-config-added',
  'bad-artifact-duplicate-key',
  'joint-signed-no-go',
  'rules-every-type-fail',
  'as-shipped-cutover',
].map(
  (name) =>
    JSON.parse(readFileSync(join(CASES, name, 'expected-record.json'), 'utf8')) as DecisionRecord,
);
// The same records with plain values (v1, v2, …) in the same places.
const PLAIN = BASES.map((base) => {
  let count = 0;
  return mapUntrusted(base, () => `v${(count += 1)}`);
});
const VALUE_COUNT = 4000;
// Whole lines that end a fence, a <details> or start a block when they escape their context.
const LINE_ATTACKS = ['```', '````', '~~~', '</details>', '# ✅ GO', '<!-- x -->', '| a | b |'];
const MENTION = /@[\p{L}\p{N}_-]/u;
const REFERENCE = /#\p{N}/u;
// The only raw HTML the renderers write; a value may fill the <code> only, escaped.
const OUR_HTML = [
  /^<details><summary>Output tail of <code>[^<>"]*<\/code><\/summary>$/,
  /^<details><summary>✅ \d+ passing checks?<\/summary>$/,
  /^<\/details>$/,
  /^<!-- cutover-checkpoint:gate=[A-Za-z0-9%._~!*'()-]* -->$/,
];
const OUR_MARKER_LINE =
  /^<!-- cutover-checkpoint:(gate=[A-Za-z0-9%._~!*'()-]*|commit=[0-9a-f]{40,64}) -->$/;
// A line of the Gantt chart after its four header lines.
const GANTT_LINE = /^ {4}_?[\p{L}\p{N} ._\-()/+]+ :(crit|active|done), \d+, \d+$/u;

const TRUSTED_URLS = [
  'https://github.com/acme/x/pull/1/checks',
  'https://github.com/acme/x/actions/runs/1',
];

type Renderer = (record: DecisionRecord, checkName: string) => string;
const RENDERERS: Record<string, Renderer> = {
  'report (full)': (r) => renderMarkdown(r, FULL_DETAIL),
  'report (reduced)': (r) =>
    renderMarkdown(r, { passingChecks: false, outputTails: false, findingsPerCheck: 3 }),
  'decision summary': (r) => renderDecisionSummary(r, 50),
  comment: (r, name) => renderComment(r, name, TRUSTED_URLS[0]!),
  'check-run summary': (r) => renderCheckOutput(r, TRUSTED_URLS[1]!).summary,
  'check-run text': (r) => renderCheckOutput(r, TRUSTED_URLS[1]!).text,
};

/** Pairs of (plain record, hostile record), using every generated value once. */
function buildCases(): {
  plain: DecisionRecord;
  hostile: DecisionRecord;
  names: [string, string];
}[] {
  const random = createRandom(0x5eed_0009);
  const values = generateValues(VALUE_COUNT, random);
  const cases = [];
  let next = 0;
  for (let round = 0; next < values.length; round += 1) {
    const base = BASES[round % BASES.length]!;
    const plain = PLAIN[round % BASES.length]!;
    // Multi-line originals (output tails) get several values, one a line, so fences and
    // headings land at line starts.
    const take = () => values[next++ % values.length]!;
    const line = () => LINE_ATTACKS[next % LINE_ATTACKS.length]!;
    const hostile = mapUntrusted(base, (text) =>
      text.includes('\n') ? [take(), line(), take(), '', line(), take()].join('\n') : take(),
    );
    cases.push({
      plain,
      hostile,
      names: ['Cutover checkpoint', values[next++ % values.length]!] as [string, string],
    });
  }
  return cases;
}

/**
 * Each rule is one assertion over every offending node (an empty list passes): thousands of
 * outputs with hundreds of text nodes each made a matcher call per node most of this file's
 * assertion time, and a list of offenders says more than the first one.
 */
function assertSafe(shape: MarkdownShape, raw: string, isComment: boolean): void {
  expect(
    shape.html.filter((html) => !OUR_HTML.some((re) => re.test(html))),
    'raw HTML that is not ours',
  ).toEqual([]);
  expect(
    shape.texts.filter((text) => MENTION.test(text)),
    'mention',
  ).toEqual([]);
  expect(
    shape.texts.filter((text) => REFERENCE.test(text)),
    'issue reference',
  ).toEqual([]);
  expect(
    shape.html.filter((html) => MENTION.test(html)),
    'mention in HTML',
  ).toEqual([]);
  // Links only as GFM autolinks of a value's own URL text, never [text](url) or images.
  const bare = (url: string) => url.replace(/^(https?:\/\/|mailto:)/, '');
  expect(
    shape.links.filter(
      (link) => !TRUSTED_URLS.includes(link.url) && !bare(link.url).includes(bare(link.text)),
    ),
    'link whose text is not its own URL',
  ).toEqual([]);
  // Hidden lines are ours alone: only the comment has them, each a whole line of our own shape.
  const hidden = raw.split('\n').filter((line) => /<!--|-->/.test(line));
  expect(
    hidden.filter((line) => !OUR_MARKER_LINE.test(line)),
    'comment marker copy',
  ).toEqual([]);
  expect(hidden.length > 0, 'marker present only in the comment').toBe(isComment);
  if (isComment) expect(raw.indexOf('<!--')).toBe(0);
  expect(openFence(raw), 'open fence').toBeUndefined();
  expect(
    shape.code
      .filter((c) => c.lang === 'mermaid')
      .flatMap((block) => block.value.split('\n').slice(4))
      .filter((line) => !GANTT_LINE.test(line)),
    'mermaid line out of shape',
  ).toEqual([]);
}

/**
 * Parses each distinct text once: parsing is most of this file's time, and renderers agree on
 * much of their output (the check run's text is the full report, its summary the decision
 * summary), so a text another renderer also wrote is not parsed again. Same text, same shape.
 */
const shapes = new Map<string, MarkdownShape>();
function shapeOnce(markdown: string): MarkdownShape {
  let shape = shapes.get(markdown);
  if (!shape) shapes.set(markdown, (shape = shapeOf(markdown)));
  return shape;
}

describe('untrusted values in every Markdown renderer', () => {
  const cases = buildCases();
  afterAll(() => shapes.clear());

  it('uses thousands of distinct values', () => {
    expect(cases.length).toBeGreaterThan(BASES.length);
  });

  for (const [name, render] of Object.entries(RENDERERS)) {
    it(`${name}: same structure as plain values, no HTML, mention, marker or open fence`, () => {
      for (const { plain, hostile, names } of cases) {
        const plainText = render(plain, names[0]);
        const hostileText = render(hostile, names[1]);
        const hostileShape = shapeOnce(hostileText);
        assertSafe(hostileShape, hostileText, name === 'comment');
        if (name === 'comment') expect(hostileText.split('\n')[0]).toBe(commentMarker(names[1]));
        // Truncation (a size limit) legitimately changes the structure; the rest must not.
        if (!/_Truncated to fit/.test(hostileText) && !/_Truncated to fit/.test(plainText))
          expect(hostileShape.structure).toEqual(shapeOnce(plainText).structure);
      }
    });
  }
});
