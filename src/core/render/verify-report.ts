// What `verify-record` prints: each input the record lists and whether it changed, the replay's
// notes, why the record cannot be relied on here, and the re-derived decision when one was asked.

import type { DecisionOutcome } from '../decide.js';
import type { Decision, DecisionState } from '../model.js';
import type { InputChange } from '../record-replay.js';

/** What verify-record found (app/verify-record.ts VerifyOutcome, the parts printed). */
export interface VerifyFindings {
  problems: string[];
  changes: InputChange[];
  notes: string[];
  decisions: Record<Decision, DecisionOutcome>;
}

/**
 * The report as plain text lines (values are the record's and the tree's, printed as they are on a
 * terminal) and the state it ends in: `unverifiable` when an input changed or the record cannot be
 * relied on here; otherwise the re-derived state of `decision`, or `verified` when none was asked.
 * `generatedAt` is the record's `generated_at`.
 */
export function renderVerifyReport(
  findings: VerifyFindings,
  generatedAt: string,
  decision: Decision | undefined,
): { text: string; ends: 'unverifiable' | 'verified' | DecisionState } {
  const lines: string[] = [];
  for (const change of findings.changes) {
    const detail =
      change.state === 'changed'
        ? ` (sha256 ${change.recorded?.slice(0, 12)} → ${change.current?.slice(0, 12)})`
        : '';
    lines.push(`${change.state.padEnd(9)} ${change.id}: ${change.path}${detail}`);
  }
  for (const note of findings.notes) lines.push(`note: ${note}`);
  const changed = findings.changes.filter((c) => c.state !== 'unchanged');
  if (changed.length > 0)
    lines.push(
      '',
      `${changed.length} input(s) changed since the verdict of ${generatedAt}: ${changed.map((c) => c.path).join(', ')}. Run the gate again.`,
    );
  for (const problem of findings.problems) lines.push('', `not verifiable: ${problem}`);
  const text = () => `${lines.join('\n')}\n`;
  if (changed.length > 0 || findings.problems.length > 0)
    return { text: text(), ends: 'unverifiable' };
  lines.push('', `Evidence unchanged since the verdict of ${generatedAt}.`);
  if (!decision) return { text: text(), ends: 'verified' };
  const derived = findings.decisions[decision];
  const blocked =
    derived.blocked_by.length > 0 ? ` (blocked by ${derived.blocked_by.join(', ')})` : '';
  lines.push(
    `Re-derived from the record's checks, the ${decision} decision is ${derived.state}${blocked}.`,
  );
  return { text: text(), ends: derived.state };
}
