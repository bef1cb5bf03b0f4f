// The short form of the verdict: both decisions, abort triggers, and what flips each to GO. Used
// as the check-run summary and the body of the sticky PR comment. Stable across identical runs
// (no timestamps, no durations), so an unchanged verdict leaves the comment untouched.

import { DECISIONS } from '../../model.js';
import type { DecisionRecord } from '../../record.js';
import { DECISION_TITLES, formatValue, STATE_ICONS, STATUS_ICONS } from '../format-value.js';
import { labelSuffix, renderIntegrityWarning, SEE_INTEGRITY_WARNING } from '../headline.js';
import { mdCode, mdProse, mdText } from '../markdown-escape.js';

/** The summary with at most `maxItems` blockers listed per decision. */
export function renderDecisionSummary(record: DecisionRecord, maxItems: number): string {
  const lines: string[] = [];
  const warning = renderIntegrityWarning(record);
  if (warning) lines.push(warning, '');
  lines.push('| Decision | State |', '|---|---|');
  for (const decision of DECISIONS) {
    const outcome = record.decisions[decision];
    const label = labelSuffix(outcome);
    lines.push(
      `| ${DECISION_TITLES[decision]}${decision === record.decision_requested ? ' (requested)' : ''} | ${STATE_ICONS[outcome.state]} **${outcome.state}**${label} |`,
    );
  }
  if (record.abort_triggers.length > 0) {
    lines.push(
      '',
      `**🛑 Abort triggers** (each blocks every decision): ${record.abort_triggers.map((id) => mdCode(id)).join(', ')}`,
    );
  }
  for (const decision of DECISIONS) {
    const outcome = record.decisions[decision];
    if (outcome.state === 'GO') continue;
    lines.push('', `#### ${DECISION_TITLES[decision]}: ${outcome.state} → GO needs`, '');
    for (const item of outcome.to_go.slice(0, maxItems)) {
      const values =
        item.expected !== undefined || item.observed !== undefined
          ? ` (expected ${mdCode(formatValue(item.expected, 80))}, observed ${mdCode(formatValue(item.observed, 80))})`
          : '';
      const icon = STATUS_ICONS[item.status as keyof typeof STATUS_ICONS] ?? '';
      lines.push(
        item.check === 'gate.integrity'
          ? `- ${icon} ${mdCode(item.check)}: ${SEE_INTEGRITY_WARNING}`
          : `- ${icon} ${mdCode(item.check)}: ${mdProse(item.summary)}${values}`,
      );
    }
    if (outcome.to_go.length > maxItems)
      lines.push(`- … and ${outcome.to_go.length - maxItems} more`);
  }
  const counts = new Map<string, number>();
  for (const check of record.checks) counts.set(check.status, (counts.get(check.status) ?? 0) + 1);
  lines.push(
    '',
    `${record.checks.length} checks: ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')} · gate ${mdCode(record.gate.name)}${record.gate.version ? ` ${mdText(record.gate.version)}` : ''}`,
  );
  return lines.join('\n') + '\n';
}
