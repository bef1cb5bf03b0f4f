// The report's baseline table and checks table, with the details of every check that is not
// passing (its findings with their places, or its detail lines).

import { BASELINE_FIELDS, formatLocation, type CheckResult } from '../model.js';
import type { DecisionRecord } from '../record.js';
import { checkSummaryText } from './headline.js';
import { ICON_LEGEND, isFullSha, STATUS_ICONS, STATUS_ORDER } from './format-value.js';
import { mdCode, mdProse, mdText } from './markdown-escape.js';
import type { MarkdownOptions } from './markdown-options.js';

/** The lock against every source that states a baseline value; '' when none does. */
export function renderBaseline(record: DecisionRecord): string {
  const sources = Object.keys(record.baseline.observed);
  const fields = BASELINE_FIELDS.filter(
    (f) =>
      record.baseline.expected[f] !== undefined ||
      sources.some((s) => record.baseline.observed[s]![f] !== undefined),
  );
  if (fields.length === 0) return '';
  // Full shas make the table scroll sideways: cells show 7 characters, the full values follow.
  const fullShas: string[] = [];
  const cellCode = (value: string) => {
    if (!isFullSha(value)) return mdCode(value, { table: true });
    if (!fullShas.includes(value)) fullShas.push(value);
    return mdCode(value.slice(0, 7), { table: true });
  };
  const rows = fields.map((field) => {
    const expected = record.baseline.expected[field];
    const cells = sources.map((source) => {
      const value = record.baseline.observed[source]![field];
      if (value === undefined) return '—';
      return `${expected === undefined || value === expected ? '✅' : '❌'} ${cellCode(value)}`;
    });
    return `| ${[field, expected ? cellCode(expected) : '—', ...cells].join(' | ')} |`;
  });
  const columns = ['Field', 'Lock', ...sources.map(mdText)];
  return [
    '## Baseline lock',
    '',
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---|').join('')}`,
    ...rows,
    ...(fullShas.length
      ? [
          '',
          `Full shas: ${fullShas.map((sha) => `${mdCode(sha.slice(0, 7))} = ${mdCode(sha)}`).join(' · ')}`,
        ]
      : []),
  ].join('\n');
}

/** Counts, the failing and pending checks, the passing ones folded away, and the details. */
export function renderChecks(record: DecisionRecord, options: MarkdownOptions): string {
  const sorted = [...record.checks].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  );
  const open = sorted.filter((c) => c.status !== 'pass');
  const passing = sorted.filter((c) => c.status === 'pass');
  const counts = STATUS_ORDER.map(
    (status) => [status, record.checks.filter((c) => c.status === status).length] as const,
  ).filter(([, n]) => n > 0);
  const details = open
    .filter(
      (c) =>
        c.details.length > 0 ||
        // A finding without a line still points at its file, unless it only repeats the summary.
        c.findings.some((f) => f.location?.line || f.message !== c.summary),
    )
    .map((c) => renderCheckDetails(c, options.findingsPerCheck));
  const plural = (n: number) => `${n} passing check${n === 1 ? '' : 's'}`;
  const folded = !passing.length
    ? []
    : options.passingChecks
      ? [
          '',
          `<details><summary>✅ ${plural(passing.length)}</summary>`,
          '',
          ...renderCheckTable(passing),
          '',
          '</details>',
        ]
      : ['', `_${plural(passing.length)} not shown._`];
  return [
    '## Checks',
    '',
    counts.map(([status, n]) => `${STATUS_ICONS[status]} ${n} ${status}`).join(' · '),
    ...(open.length ? ['', ...renderCheckTable(open)] : []),
    ...folded,
    '',
    ICON_LEGEND,
    ...(details.length ? ['', details.join('\n\n')] : []),
  ].join('\n');
}

function renderCheckTable(checks: readonly CheckResult[]): string[] {
  return [
    '| Status | Check | Blocks | Summary |',
    '|---|---|---|---|',
    ...checks.map(
      (c) =>
        `| ${STATUS_ICONS[c.status]} ${c.status} | ${mdCode(c.id, { table: true })}${c.abort ? ' 🛑' : ''} | ${c.blocks.join(', ') || '—'} | ${mdProse(checkSummaryText(c), { table: true })} |`,
    ),
  ];
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
