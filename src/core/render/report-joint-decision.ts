// The report's copy of the seed's joint-decision template, filled from the record. Signatures,
// risks, links and rollback come from a file the judged change controls: all of it is escaped.

import { BASELINE_FIELDS } from '../model.js';
import type { DecisionRecord } from '../record.js';
import { mdCode, mdText } from './markdown-escape.js';
import { renderSignatureLine } from './signature-line.js';

/** The numbered joint-decision list. */
export function renderJointDecision(record: DecisionRecord): string {
  const joint = record.joint_decision;
  const roles = joint ? Object.keys(joint.signatures.rehearsal) : [];
  const signature = (decision: 'rehearsal' | 'cutover', role: string) =>
    renderSignatureLine(record, decision, role);
  const roleLines = roles.flatMap((role, i) => [
    `${i + 2}. ${mdText(role.charAt(0).toUpperCase() + role.slice(1))} decision:`,
    `   - ${signature('rehearsal', role)}`,
    `   - ${signature('cutover', role)}`,
  ]);
  // Item 1 is the timestamp; then one item per role, or one 'no record' item.
  const n = Math.max(roles.length, 1) + 2;
  const baseline = BASELINE_FIELDS.map((f) => record.baseline.expected[f])
    .filter(Boolean)
    .map((v) => mdCode(v))
    .join(' / ');
  const commands = record.commands
    .filter((c) => c.state === 'ran')
    .map((c) => `${mdCode(c.run)} → ${c.exit_code === 0 && !c.timed_out ? 'PASS' : 'FAIL'}`);
  const files = [...record.artifacts, ...record.documents].map((d) => mdCode(d.path));
  const links = joint?.evidence_links.map(mdText) ?? [];
  const risks = joint?.residual_risks.map(mdText) ?? [];
  return [
    '## Joint decision (producer-side copy)',
    '',
    `1. Decision timestamp (UTC): ${mdText(record.generated_at)}`,
    ...(roles.length ? roleLines : ['2. Signatures: _no joint decision record configured_']),
    `${n}. Baseline confirmation: ${baseline || '_no baseline lock_'}`,
    `${n + 1}. Evidence links:`,
    `   - producer command outputs: ${commands.length ? commands.join('; ') : '_none executed_'}`,
    `   - payload + manifest + docs: ${files.length ? files.join(', ') : '—'}`,
    ...(links.length ? [`   - linked: ${links.join(', ')}`] : []),
    `${n + 2}. Residual risks accepted: ${risks.length ? risks.join('; ') : '_none recorded_'}`,
    `${n + 3}. Rollback target and trigger owner: ${joint?.rollback ? `${mdCode(joint.rollback.target)}, owner ${mdText(joint.rollback.trigger_owner)}` : '_not recorded_'}`,
  ].join('\n');
}
