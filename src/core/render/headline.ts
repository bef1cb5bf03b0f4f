// The first line of every rendered verdict: both decisions with their icons, the requested one
// first, so no gate name (which may itself contain "cutover") can make it read as the other
// decision's state. Also the gate-integrity warning, said once per document.

import { DECISIONS, type CheckResult } from '../model.js';
import type { DecisionRecord } from '../record.js';
import { DECISION_TITLES, STATE_ICONS } from './format-value.js';
import { mdProse, mdText } from './markdown-escape.js';

/** `✅ Rehearsal GO · ❌ Runtime cutover NO-GO`, the requested decision first. */
export function renderHeadline(record: DecisionRecord): string {
  const order = [
    record.decision_requested,
    ...DECISIONS.filter((d) => d !== record.decision_requested),
  ];
  return order
    .map(
      (d) =>
        `${STATE_ICONS[record.decisions[d].state]} ${DECISION_TITLES[d]} ${record.decisions[d].state}`,
    )
    .join(' · ');
}

/** The gate-integrity check when it does not pass (it is then shown once, as a warning). */
export function findIntegrityProblem(record: DecisionRecord): CheckResult | undefined {
  return record.checks.find((c) => c.id === 'gate.integrity' && c.status !== 'pass');
}

/** The `> [!WARNING]` callout for a failing gate-integrity check, or '' when it passes. */
export function renderIntegrityWarning(record: DecisionRecord): string {
  const integrity = findIntegrityProblem(record);
  return integrity ? `> [!WARNING]\n> **Gate integrity:** ${mdProse(integrity.summary)}` : '';
}

/** What to write where a check's summary would repeat the integrity warning shown above. */
export const SEE_INTEGRITY_WARNING = 'see the gate-integrity warning at the top';

/** A check's summary, or a pointer to the warning when it is the integrity check. */
export function checkSummaryText(check: CheckResult): string {
  return check.id === 'gate.integrity' && check.status !== 'pass'
    ? SEE_INTEGRITY_WARNING
    : check.summary;
}

/**
 * A decision's configured label after its state, without repeating the state: the label
 * `NO-GO (blocked pending sign-off)` shows as ` (blocked pending sign-off)`, any other label in
 * full after a dash; '' when the label is the state.
 */
export function labelSuffix(outcome: { state: string; label: string }): string {
  if (outcome.label === outcome.state) return '';
  const rest = outcome.label.slice(outcome.state.length).trim();
  return outcome.label.startsWith(`${outcome.state} (`)
    ? ` ${mdText(rest)}`
    : ` — ${mdText(outcome.label)}`;
}
