// The terminal rendering: the verdict first, then what blocks it and where, for a person at a
// prompt or reading a CI log. Colour only when the caller says the stream is a TTY.

import { formatLocation, isFailing, DECISIONS, type CheckResult } from '../model.js';
import type { DecisionRecord } from '../record.js';
import { DECISION_TITLES, formatValue, STATUS_ORDER } from './format-value.js';

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

/** Renders the verdict for a terminal. */
export function renderText(
  record: DecisionRecord,
  options: { color: boolean; paths?: { record: string; report: string } },
): string {
  const paint = (style: keyof typeof CODES, text: string) =>
    options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
  const stateColor = (state: string) =>
    (state === 'GO' ? 'green' : state === 'NO-GO' ? 'red' : 'yellow') as keyof typeof CODES;
  const lines: string[] = [];
  lines.push(
    paint(
      'bold',
      `cutover-checkpoint · ${record.gate.name}${record.gate.version ? ` (${record.gate.version})` : ''}`,
    ),
  );
  for (const decision of DECISIONS) {
    const outcome = record.decisions[decision];
    const label = outcome.label !== outcome.state ? `  "${outcome.label}"` : '';
    const blocked = outcome.blocked_by.length
      ? paint(
          'dim',
          `  ${outcome.state === 'CONDITIONAL' ? 'waiting on' : 'blocked by'} ${outcome.blocked_by.slice(0, 4).join(', ')}${outcome.blocked_by.length > 4 ? ` +${outcome.blocked_by.length - 4}` : ''}`,
        )
      : '';
    lines.push(
      `  ${DECISION_TITLES[decision].padEnd(16)} ${paint(stateColor(outcome.state), outcome.state.padEnd(11))}${label}${blocked}`,
    );
  }
  if (record.abort_triggers.length > 0) {
    lines.push('', paint('red', `Abort triggers: ${record.abort_triggers.join(', ')}`));
  }
  for (const decision of DECISIONS) {
    const outcome = record.decisions[decision];
    if (outcome.state === 'GO') continue;
    lines.push('', `What would flip ${DECISION_TITLES[decision].toLowerCase()} to GO:`);
    for (const item of outcome.to_go.slice(0, 12)) {
      const check = record.checks.find((c) => c.id === item.check)!;
      lines.push(
        `  ${paint(isFailing(check.status) ? 'red' : 'yellow', mark(check))} ${item.check}: ${item.summary}`,
      );
      // Every finding with a place is shown; one without a line points at its file, unless it
      // only repeats the summary.
      const located = check.findings.filter(
        (finding) =>
          finding.location &&
          (finding.location.line !== undefined || finding.message !== item.summary),
      );
      for (const finding of located.slice(0, 5)) {
        const message = finding.message === item.summary ? '' : `: ${finding.message}`;
        lines.push(paint('dim', `      ${formatLocation(finding.location!)}${message}`));
      }
      if (located.length === 0)
        for (const detail of check.details.slice(0, 5)) lines.push(paint('dim', `      ${detail}`));
      const log = record.commands.find((c) => `command.${c.id}` === check.id)?.log_path;
      if (log && isFailing(check.status)) lines.push(paint('dim', `      full output: ${log}`));
      if (item.expected !== undefined || item.observed !== undefined) {
        lines.push(
          paint(
            'dim',
            `      expected ${formatValue(item.expected, 100)}; observed ${formatValue(item.observed, 100)}`,
          ),
        );
      }
    }
    if (outcome.to_go.length > 12)
      lines.push(`  … and ${outcome.to_go.length - 12} more (see the report)`);
  }
  const warnings = record.checks.filter((c) => c.status === 'warn' || (c.waiver?.expired ?? false));
  if (warnings.length > 0) lines.push('', 'Warnings:');
  for (const check of warnings)
    lines.push(
      paint(
        'yellow',
        `  ! ${check.id}: ${check.details[0] && check.waiver?.expired ? check.details[0] : check.summary}`,
      ),
    );
  const counts = STATUS_ORDER.map(
    (status) => [status, record.checks.filter((c) => c.status === status).length] as const,
  ).filter(([, n]) => n > 0);
  lines.push('', `Checks: ${counts.map(([status, n]) => `${n} ${status}`).join(', ')}`);
  const verdictLabel = record.verdict_label !== record.verdict ? ` — ${record.verdict_label}` : '';
  lines.push(
    paint('bold', `Verdict (${record.decision_requested}): `) +
      paint(stateColor(record.verdict), record.verdict) +
      verdictLabel,
  );
  if (options.paths)
    lines.push(
      paint('dim', `Record: ${options.paths.record}`),
      paint('dim', `Report: ${options.paths.report}`),
    );
  return lines.join('\n') + '\n';
}

function mark(check: CheckResult): string {
  return isFailing(check.status) ? '✗' : check.status === 'pending' ? '…' : '!';
}
