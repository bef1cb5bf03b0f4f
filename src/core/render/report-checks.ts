// The report's baseline table and checks table, with the details of every check that is not
// passing (its findings with their places, or its detail lines).

import { BASELINE_FIELDS, formatLocation, type CheckResult } from '../model.js';
import type { DecisionRecord } from '../record.js';
import { STATUS_ICONS, STATUS_ORDER } from './format-value.js';
import { mdCode, mdProse, mdText } from './markdown-escape.js';
import type { MarkdownOptions } from './markdown.js';

/** The lock against every source that states a baseline value; '' when none does. */
export function renderBaseline(record: DecisionRecord): string {
  const sources = Object.keys(record.baseline.observed);
  const fields = BASELINE_FIELDS.filter(
    (f) =>
      record.baseline.expected[f] !== undefined ||
      sources.some((s) => record.baseline.observed[s]![f] !== undefined),
  );
  if (fields.length === 0) return '';
  const cellCode = (value: string) => mdCode(value, { table: true });
  const rows = fields.map((field) => {
    const expected = record.baseline.expected[field];
    const cells = sources.map((source) => {
      const value = record.baseline.observed[source]![field];
      if (value === undefined) return '—';
      return `${expected === undefined || value === expected ? '✅' : '❌'} ${cellCode(value)}`;
    });
    return `| ${field} | ${expected ? cellCode(expected) : '—'} | ${cells.join(' | ')} |`;
  });
  return [
    '## Baseline lock',
    '',
    `| Field | Lock | ${sources.map(mdText).join(' | ')} |`,
    `|---|---|${sources.map(() => '---|').join('')}`,
    ...rows,
  ].join('\n');
}

/** Counts, the checks table (passing rows optional) and the details of the others. */
export function renderChecks(record: DecisionRecord, options: MarkdownOptions): string {
  const sorted = [...record.checks].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  );
  const shown = options.passingChecks ? sorted : sorted.filter((c) => c.status !== 'pass');
  const counts = STATUS_ORDER.map(
    (status) => [status, record.checks.filter((c) => c.status === status).length] as const,
  ).filter(([, n]) => n > 0);
  const rows = shown.map(
    (c) =>
      `| ${STATUS_ICONS[c.status]} ${c.status} | ${mdCode(c.id, { table: true })}${c.abort ? ' 🛑' : ''} | ${c.blocks.join(', ')} | ${mdProse(c.summary, { table: true })} |`,
  );
  const omitted = record.checks.length - shown.length;
  const details = sorted
    .filter(
      (c) =>
        c.status !== 'pass' &&
        (c.details.length > 0 ||
          // A finding without a line still points at its file, unless it only repeats the summary.
          c.findings.some((f) => f.location?.line || f.message !== c.summary)),
    )
    .map((c) => renderCheckDetails(c, options.findingsPerCheck));
  return [
    '## Checks',
    '',
    counts.map(([status, n]) => `${STATUS_ICONS[status]} ${n} ${status}`).join(' · '),
    '',
    '| Status | Check | Blocks | Summary |',
    '|---|---|---|---|',
    ...rows,
    ...(omitted > 0 ? ['', `_${omitted} passing checks not shown._`] : []),
    ...(details.length ? ['', details.join('\n\n')] : []),
  ].join('\n');
}

function renderCheckDetails(check: CheckResult, max: number): string {
  // Findings carry places; details are the fallback for checks without them (commands, tools).
  const lines =
    check.findings.length > 0
      ? check.findings.map(
          (f) =>
            `- ${f.location ? `${mdCode(formatLocation(f.location))}: ` : ''}${mdProse(f.message)}`,
        )
      : check.details.map((d) => `- ${mdProse(d)}`);
  if (check.waiver?.expired && check.findings.length > 0)
    lines.unshift(`- ${mdProse(check.details[0] ?? '')}`);
  const kept = lines.slice(0, max);
  if (lines.length > max) kept.push(`- … ${lines.length - max} more`);
  return [`**${mdCode(check.id)}**`, '', ...kept].join('\n');
}
