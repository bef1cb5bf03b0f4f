// The Markdown report: the decision record for people, with the seed's joint-decision template
// filled in. Pure: same record, same bytes.

import { formatDuration } from '../config/duration.js';
import {
  BASELINE_FIELDS,
  DECISIONS,
  formatLocation,
  isFailing,
  type CheckResult,
} from '../model.js';
import type { DecisionRecord } from '../record.js';
import { renderGantt } from './gantt.js';
import { renderSignatureLine } from './signature-line.js';
import {
  DECISION_TITLES,
  formatValue,
  STATE_ICONS,
  STATUS_ICONS,
  STATUS_ORDER,
} from './format-value.js';

/** Options: how much detail to keep (the GitHub renderers shrink it to fit size limits). */
export interface MarkdownOptions {
  /** Include passing checks in the checks table. */
  passingChecks: boolean;
  /** Include command output tails. */
  outputTails: boolean;
  /** Most findings listed per check. */
  findingsPerCheck: number;
}

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

/** Escapes text for a table cell. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function renderHeader(record: DecisionRecord): string {
  const requested = record.decisions[record.decision_requested];
  const rows = DECISIONS.map((decision) => {
    const outcome = record.decisions[decision];
    const blocked = outcome.blocked_by.length
      ? outcome.blocked_by.slice(0, 6).map(code).join(', ') +
        (outcome.blocked_by.length > 6 ? ` +${outcome.blocked_by.length - 6} more` : '')
      : '—';
    const label = outcome.label !== outcome.state ? ` — ${cell(outcome.label)}` : '';
    return `| ${DECISION_TITLES[decision]}${decision === record.decision_requested ? ' (requested)' : ''} | ${STATE_ICONS[outcome.state]} **${outcome.state}**${label} | ${blocked} |`;
  });
  const integrity = record.checks.find((c) => c.id === 'gate.integrity' && c.status !== 'pass');
  return [
    `# ${STATE_ICONS[requested.state]} ${record.gate.name}: ${requested.label}`,
    '',
    ...(integrity ? [`> [!WARNING]\n> **Gate integrity:** ${integrity.summary}`, ''] : []),
    `**Rehearsal: ${record.decisions.rehearsal.state}** · **Runtime cutover: ${record.decisions.cutover.state}** · verdict for the requested decision (${record.decision_requested}): **${record.verdict}**`,
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
    ...checks.map((c) => `- ${STATUS_ICONS[c.status]} ${code(c.id)}: ${c.summary}`),
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
          ? ` — expected ${code(formatValue(item.expected))}, observed ${code(formatValue(item.observed))}`
          : '';
      return `- ${STATUS_ICONS[item.status as CheckResult['status']] ?? ''} ${code(item.check)} (${item.status}): ${item.summary}${values}`;
    });
    return [`### ${DECISION_TITLES[decision]}: ${outcome.state} → GO needs`, '', ...items].join(
      '\n',
    );
  });
  return ['## What would flip it to GO', '', sections.join('\n\n')].join('\n');
}

function renderBaseline(record: DecisionRecord): string {
  const sources = Object.keys(record.baseline.observed);
  const fields = BASELINE_FIELDS.filter(
    (f) =>
      record.baseline.expected[f] !== undefined ||
      sources.some((s) => record.baseline.observed[s]![f] !== undefined),
  );
  if (fields.length === 0) return '';
  const rows = fields.map((field) => {
    const expected = record.baseline.expected[field];
    const cells = sources.map((source) => {
      const value = record.baseline.observed[source]![field];
      if (value === undefined) return '—';
      return `${expected === undefined || value === expected ? '✅' : '❌'} ${code(value)}`;
    });
    return `| ${field} | ${expected ? code(expected) : '—'} | ${cells.join(' | ')} |`;
  });
  return [
    '## Baseline lock',
    '',
    `| Field | Lock | ${sources.join(' | ')} |`,
    `|---|---|${sources.map(() => '---|').join('')}`,
    ...rows,
  ].join('\n');
}

function renderChecks(record: DecisionRecord, options: MarkdownOptions): string {
  const sorted = [...record.checks].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  );
  const shown = options.passingChecks ? sorted : sorted.filter((c) => c.status !== 'pass');
  const counts = STATUS_ORDER.map(
    (status) => [status, record.checks.filter((c) => c.status === status).length] as const,
  ).filter(([, n]) => n > 0);
  const rows = shown.map(
    (c) =>
      `| ${STATUS_ICONS[c.status]} ${c.status} | ${code(c.id)}${c.abort ? ' 🛑' : ''} | ${c.blocks.join(', ')} | ${cell(c.summary)} |`,
  );
  const omitted = record.checks.length - shown.length;
  const details = sorted
    .filter(
      (c) =>
        c.status !== 'pass' &&
        (c.details.length > 0 ||
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
          (f) => `- ${f.location ? `${code(formatLocation(f.location))}: ` : ''}${f.message}`,
        )
      : check.details.map((d) => `- ${d}`);
  if (check.waiver?.expired && check.findings.length > 0) lines.unshift(`- ${check.details[0]}`);
  const kept = lines.slice(0, max);
  if (lines.length > max) kept.push(`- … ${lines.length - max} more`);
  return [`**${code(check.id)}**`, '', ...kept].join('\n');
}

function renderCommands(record: DecisionRecord, options: MarkdownOptions): string {
  if (record.commands.length === 0) return '';
  const rows = record.commands.map((c) => {
    const result =
      c.state !== 'ran'
        ? `${c.state}${c.reason ? `: ${cell(c.reason)}` : ''}`
        : c.timed_out
          ? '⏱️ timed out'
          : c.signal
            ? `💥 ${c.signal}`
            : c.exit_code === 0
              ? '✅ exit 0'
              : `❌ exit ${c.exit_code}`;
    const tests = c.tests
      ? `${c.tests.passed} passed, ${c.tests.failed} failed (${c.tests.runner})`
      : '—';
    return `| ${code(c.id)} | ${code(cell(c.run))} | ${result} | ${c.state === 'ran' ? formatDuration(c.duration_ms) : '—'} | ${tests} |`;
  });
  const tails = options.outputTails
    ? record.commands
        .filter(
          (c) =>
            c.state === 'ran' &&
            (c.exit_code !== 0 || c.timed_out || c.signal) &&
            c.output_tail.trim() !== '',
        )
        .map((c) =>
          [
            `<details><summary>Output tail of ${code(c.id)}</summary>`,
            '',
            '```text',
            c.output_tail.replace(/```/g, "'''").trimEnd(),
            '```',
            '',
            '</details>',
          ].join('\n'),
        )
    : [];
  const gantt = renderGantt(record.commands);
  return [
    '## Verification commands',
    '',
    '| Command | Run | Result | Duration | Tests |',
    '|---|---|---|---|---|',
    ...rows,
    ...(gantt ? ['', gantt] : []),
    ...(tails.length ? ['', ...tails] : []),
  ].join('\n');
}

function renderJointDecision(record: DecisionRecord): string {
  const joint = record.joint_decision;
  const roles = joint ? Object.keys(joint.signatures.rehearsal) : [];
  const signature = (decision: 'rehearsal' | 'cutover', role: string) =>
    renderSignatureLine(record, decision, role);
  const roleLines = roles.flatMap((role, i) => [
    `${i + 2}. ${role[0]!.toUpperCase()}${role.slice(1)} decision:`,
    `   - ${signature('rehearsal', role)}`,
    `   - ${signature('cutover', role)}`,
  ]);
  const n = roles.length + 2;
  const baseline = BASELINE_FIELDS.map((f) => record.baseline.expected[f])
    .filter(Boolean)
    .map((v) => code(v!))
    .join(' / ');
  const commands = record.commands
    .filter((c) => c.state === 'ran')
    .map((c) => `${code(c.run)} → ${c.exit_code === 0 && !c.timed_out ? 'PASS' : 'FAIL'}`);
  const files = [...record.artifacts, ...record.documents].map((d) => code(d.path));
  return [
    '## Joint decision (producer-side copy)',
    '',
    `1. Decision timestamp (UTC): ${record.generated_at}`,
    ...(roles.length ? roleLines : ['2. Signatures: _no joint decision record configured_']),
    `${n}. Baseline confirmation: ${baseline || '_no baseline lock_'}`,
    `${n + 1}. Evidence links:`,
    `   - producer command outputs: ${commands.length ? commands.join('; ') : '_none executed_'}`,
    `   - payload + manifest + docs: ${files.length ? files.join(', ') : '—'}`,
    ...(joint?.evidence_links.length ? [`   - linked: ${joint.evidence_links.join(', ')}`] : []),
    `${n + 2}. Residual risks accepted: ${joint?.residual_risks.length ? joint.residual_risks.join('; ') : '_none recorded_'}`,
    `${n + 3}. Rollback target and trigger owner: ${joint?.rollback ? `${code(joint.rollback.target)}, owner ${joint.rollback.trigger_owner}` : '_not recorded_'}`,
  ].join('\n');
}

function renderEvidence(record: DecisionRecord): string {
  const rows = [...record.artifacts, ...record.documents].map(
    (d) =>
      `| ${code(d.id)} | ${code(d.path)} | ${d.sha256 ? code(d.sha256.slice(0, 16)) : 'missing'} |`,
  );
  if (rows.length === 0) return '';
  return ['## Evidence read', '', '| Id | Path | sha256 |', '|---|---|---|', ...rows].join('\n');
}

function renderFooter(record: DecisionRecord): string {
  const context = record.context;
  const where = [context.repository, context.sha?.slice(0, 12), context.event]
    .filter(Boolean)
    .join(' · ');
  const failing = record.checks.filter((c) => isFailing(c.status)).length;
  return [
    '---',
    `_${record.gate.name}${record.gate.version ? ` ${record.gate.version}` : ''} · config ${code(record.gate.config_path)} (${record.gate.config_sha256.slice(0, 12)}) · ${record.checks.length} checks, ${failing} failing · ${record.generated_at}${where ? ` · ${where}` : ''}${context.run_url ? ` · [workflow run](${context.run_url})` : ''}_`,
  ].join('\n');
}
