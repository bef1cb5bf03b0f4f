// Every generated Markdown document (report, decision summary, check-run summary and text, PR
// comment) of every scenario is linted with markdownlint and checked for GFM table shape: a
// broken table renders on GitHub as a paragraph of pipes, which no golden diff makes obvious.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/core/record.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { renderDecisionSummary } from '../../src/core/render/github/decision-summary.js';
import { renderCheckOutput } from '../../src/core/render/github/check-run.js';
import { renderComment } from '../../src/core/render/github/comment.js';
import { findTableProblems, lintProblems } from './markdown-checks.js';

const CASES = join(import.meta.dirname, '..', 'scenarios', 'cases');

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
      // The check-run text is the report itself when it fits, and its summary the decision
      // summary: lint the same bytes once (markdownlint is most of this file's time).
      const distinct = Object.entries(documents).filter(
        ([, markdown], i, all) => all.findIndex(([, other]) => other === markdown) === i,
      );
      const problems = distinct.flatMap(([kind, markdown]) =>
        lintProblems(`${name} ${kind}`, markdown),
      );
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
