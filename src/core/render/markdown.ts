// The Markdown report: the decision record for people, with the seed's joint-decision template
// filled in. Pure: same record, same bytes. Every value from the record enters through
// markdown-escape.ts (the record holds evidence the judged change controls).

import { DECISIONS, type CheckResult } from '../model.js';
import type { DecisionRecord } from '../record.js';
import { DECISION_TITLES, formatValue, STATE_ICONS, STATUS_ICONS } from './format-value.js';
import { mdCode, mdProse, mdText } from './markdown-escape.js';
import { renderBaseline, renderChecks } from './report-checks.js';
import { renderCommands } from './report-commands.js';
import { renderEvidence, renderFooter } from './report-evidence.js';
import {
  labelSuffix,
  renderHeadline,
  renderIntegrityWarning,
  SEE_INTEGRITY_WARNING,
} from './headline.js';
import { renderJointDecision } from './report-joint-decision.js';

import type { MarkdownOptions } from './markdown-options.js';

export type { MarkdownOptions } from './markdown-options.js';

export const FULL_DETAIL: MarkdownOptions = {
  passingChecks: true,
  outputTails: true,
  findingsPerCheck: 20,
};

/** Renders the whole report. */
export function renderMarkdown(
  record: DecisionRecord,
  options: MarkdownOptions = FULL_DETAIL,
): string {
  return [
    renderHeader(record),
    renderAbortTriggers(record),
    renderToGo(record),
    renderBaseline(record),
    renderChecks(record, options),
    renderCommands(record, options),
    renderJointDecision(record),
    renderEvidence(record),
    renderFooter(record),
  ]
    .filter((section) => section !== '')
    .join('\n\n')
    .concat('\n');
}

function renderHeader(record: DecisionRecord): string {
  const rows = DECISIONS.map((decision) => {
    const outcome = record.decisions[decision];
    // A CONDITIONAL is not blocked: it waits on sign-offs or pending evidence.
    const blocked = outcome.blocked_by.length
      ? (outcome.state === 'CONDITIONAL' ? 'waiting on ' : '') +
        outcome.blocked_by
          .slice(0, 6)
          .map((id) => mdCode(id, { table: true }))
          .join(', ') +
        (outcome.blocked_by.length > 6 ? ` +${outcome.blocked_by.length - 6} more` : '')
      : '—';
    const label = labelSuffix(outcome);
    return `| ${DECISION_TITLES[decision]}${decision === record.decision_requested ? ' (requested)' : ''} | ${STATE_ICONS[outcome.state]} **${outcome.state}**${label} | ${blocked} |`;
  });
  const warning = renderIntegrityWarning(record);
  const gate = `${mdText(record.gate.name)}${record.gate.version ? ` ${mdText(record.gate.version)}` : ''}`;
  return [
    `# ${renderHeadline(record)}`,
    '',
    ...(warning ? [warning, ''] : []),
    `Gate **${gate}** · requested decision: ${DECISION_TITLES[record.decision_requested].toLowerCase()} · verdict **${record.verdict}**`,
    '',
    '| Decision | State | Blocked by |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
}

function renderAbortTriggers(record: DecisionRecord): string {
  if (record.abort_triggers.length === 0) return '';
  const checks = record.checks.filter((c) => record.abort_triggers.includes(c.id));
  return [
    '## 🛑 Abort triggers',
    '',
    'Each of these blocks every decision.',
    '',
    ...checks.map((c) => `- ${STATUS_ICONS[c.status]} ${mdCode(c.id)}: ${mdProse(c.summary)}`),
  ].join('\n');
}

function renderToGo(record: DecisionRecord): string {
  const blocked = DECISIONS.filter((d) => record.decisions[d].state !== 'GO');
  if (blocked.length === 0) return '';
  const sections = blocked.map((decision) => {
    const outcome = record.decisions[decision];
    const items = outcome.to_go.map((item) => {
      const values =
        item.expected !== undefined || item.observed !== undefined
          ? ` — expected ${mdCode(formatValue(item.expected))}, observed ${mdCode(formatValue(item.observed))}`
          : '';
      if (item.check === 'gate.integrity')
        return `- ${STATUS_ICONS[item.status as CheckResult['status']] ?? ''} ${mdCode(item.check)} (${mdText(item.status)}): ${SEE_INTEGRITY_WARNING}`;
      return `- ${STATUS_ICONS[item.status as CheckResult['status']] ?? ''} ${mdCode(item.check)} (${mdText(item.status)}): ${mdProse(item.summary)}${values}`;
    });
    return [`### ${DECISION_TITLES[decision]}: ${outcome.state} → GO needs`, '', ...items].join(
      '\n',
    );
  });
  return ['## What would flip it to GO', '', sections.join('\n\n')].join('\n');
}
