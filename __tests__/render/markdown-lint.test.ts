// Every generated Markdown document (report, decision summary, check-run summary and text, PR
// comment) of every scenario is linted with markdownlint and checked for GFM table shape: a
// broken table renders on GitHub as a paragraph of pipes, which no golden diff makes obvious.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/core/record.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { renderDecisionSummary } from '../../src/core/render/github/decision-summary.js';
import { renderCheckOutput } from '../../src/core/render/github/check-run.js';
import { renderComment } from '../../src/core/render/github/comment.js';

const CASES = join(import.meta.dirname, '..', 'scenarios', 'cases');

/**
 * markdownlint's defaults, minus rules that do not fit generated documents:
 * - MD013 (line length): table rows and prose carry values of any length; wrapping a table row
 *   breaks it, and GitHub wraps prose itself.
 * - MD033 (inline HTML) is limited to what we write: <details>/<summary>/<code> for folded parts.
 * - MD041 (first line a heading): the comment starts with its hidden marker, and the decision
 *   summary is shown under GitHub's own check-run title.
 * - MD024 (duplicate headings): only among siblings (each decision has a "→ GO needs" part).
 * - MD034 (bare URLs): a URL inside evidence text stays a GFM autolink literal, as GitHub shows
 *   it; what may become a link is decided by the one escaping function, not by the linter.
 * - MD060 (table column style): compact `|---|` delimiters keep the documents small for GitHub's
 *   size limits; alignment padding would cost bytes per row.
 */
const CONFIG = {
  default: true,
  MD013: false,
  MD033: { allowed_elements: ['details', 'summary', 'code'] },
  MD041: false,
  MD024: { siblings_only: true },
  MD034: false,
  MD060: false,
};

/** Problems with GFM tables: a header/delimiter pair that is not a table, or a row of the wrong width. */
export function findTableProblems(markdown: string): string[] {
  const lines = markdown.split('\n');
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/).length;
  const delimiter = /^\|(?:\s*:?-+:?\s*\|)+\s*$/;
  const problems: string[] = [];
  let tables = 0;
  for (let i = 0; i + 1 < lines.length; i += 1) {
    if (!lines[i]!.startsWith('|') || !delimiter.test(lines[i + 1]!)) continue;
    if (i > 0 && lines[i - 1]!.startsWith('|')) continue;
    tables += 1;
    const width = cells(lines[i]!);
    if (cells(lines[i + 1]!) !== width)
      problems.push(`line ${i + 1}: header has ${width} cells, delimiter ${cells(lines[i + 1]!)}`);
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j += 1)
      if (cells(lines[j]!) !== width)
        problems.push(`line ${j + 1}: ${cells(lines[j]!)} cells under a ${width}-cell header`);
  }
  // Every header/delimiter pair must parse as a table (GFM drops a mismatched one to a paragraph).
  const tree = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  let parsed = 0;
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'table') parsed += 1;
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree);
  if (parsed !== tables) problems.push(`${tables} tables written, ${parsed} parse as GFM tables`);
  return problems;
}

function lintProblems(name: string, markdown: string): string[] {
  const result = lint({ strings: { [name]: markdown }, config: CONFIG });
  return (result[name] ?? []).map(
    (e) =>
      `${name}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ''}`,
  );
}

// markdownlint takes ~0.1–0.3 s per report on this machine: a spread of scenarios that between
// them reach every section (commands failing and passing, waivers, integrity, joint records,
// findings with places, errors, pending, abort triggers), not all sixty.
const LINTED = [
  'as-shipped-cutover',
  'as-shipped-rehearsal',
  'step22-cutover',
  'command-failed-tests',
  'command-timed-out',
  'command-not-found',
  'integrity-baseline-moved',
  'joint-cutover-file-verified',
  'joint-signed-no-go',
  'rules-every-type-fail',
  'bad-schema-network-ref',
  'document-unticked',
  'waiver-active',
  'tag-wrong-commit',
  'no-commands',
];
const records = readdirSync(CASES)
  .sort()
  .filter((name) => LINTED.includes(name) && existsSync(join(CASES, name, 'expected-record.json')))
  .map((name) => ({
    name,
    record: JSON.parse(
      readFileSync(join(CASES, name, 'expected-record.json'), 'utf8'),
    ) as DecisionRecord,
  }));

describe('generated Markdown passes markdownlint and the GFM table-shape check', () => {
  it('covers the chosen scenarios', () => {
    expect(records.map((r) => r.name)).toEqual([...LINTED].sort());
  });
  for (const { name, record } of records) {
    it(name, () => {
      const check = renderCheckOutput(record, 'https://github.com/acme/x/actions/runs/1');
      const documents = {
        report: renderMarkdown(record),
        summary: renderDecisionSummary(record, 50),
        'check-run summary': check.summary,
        'check-run text': check.text,
        comment: renderComment(
          record,
          'Cutover checkpoint',
          'https://github.com/acme/x/pull/1/checks',
        ),
      };
      // The check-run text is the report itself when it fits: lint those bytes once.
      const distinct = Object.entries(documents).filter(
        ([kind, markdown]) => kind !== 'check-run text' || markdown !== documents.report,
      );
      const problems = distinct.flatMap(([kind, markdown]) => [
        ...lintProblems(`${name} ${kind}`, markdown),
        ...findTableProblems(markdown).map((p) => `${name} ${kind}: ${p}`),
      ]);
      expect(problems).toEqual([]);
    });
  }
});

describe('the table-shape check', () => {
  it('catches a header wider than its delimiter (the old init report) and a ragged row', () => {
    expect(findTableProblems('| Field | Lock |  |\n|---|---|\n| a | b |\n')).not.toEqual([]);
    expect(findTableProblems('| A | B |\n|---|---|\n| a | b | c |\n')).toHaveLength(1);
    expect(findTableProblems('| A | B |\n|---|---|\n| `a\\|b` | c |\n')).toEqual([]);
  });
});
