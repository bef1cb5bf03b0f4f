// Re-deriving decisions from a record's checks (verify-record, SPEC §10): the file's `verdict` and
// `decisions` are never read. Waivers are re-applied at replay time (an expired one no longer
// covers its check), protected checks can be neither waived nor unblocked whatever the file says,
// and a record with nothing evaluated fails closed, exactly as a run would decide.

import { decideAll, type DecisionOutcome } from './decide.js';
import { failClosed } from './judge.js';
import { DECISIONS, type CheckResult, type Decision, type DecisionState } from './model.js';
import { isProtectedCheck } from './protected-checks.js';

const PLAIN_LABELS = Object.fromEntries(
  DECISIONS.map((d) => [d, { GO: 'GO', 'NO-GO': 'NO-GO', CONDITIONAL: 'CONDITIONAL' }]),
) as Record<Decision, Record<DecisionState, string>>;

/** A recorded check as it stands at `today` (YYYY-MM-DD), with why it changed, if it did. */
export function replayCheck(
  check: CheckResult,
  today: string,
): { check: CheckResult; note?: string } {
  const replayed: CheckResult = { ...check, blocks: [...check.blocks] };
  let note: string | undefined;
  if (isProtectedCheck(check.id) && !replayed.blocks.includes('cutover')) {
    replayed.blocks.push('cutover');
    note = `${check.id} is protected: it blocks the cutover whatever the record says`;
  }
  if (check.status === 'waived') {
    const waiver = check.waiver;
    const reason = isProtectedCheck(check.id)
      ? 'a protected check cannot be waived'
      : !waiver
        ? 'the record names no waiver for it'
        : waiver.expires < today
          ? `its waiver expired on ${waiver.expires}`
          : undefined;
    if (reason) {
      replayed.status = 'fail';
      note = `${check.id} counts as failing: ${reason}`;
    }
  }
  return { check: replayed, ...(note ? { note } : {}) };
}

/** Both decisions from a record's checks, with plain labels, and every note on what changed. */
export function rederiveDecisions(
  checks: readonly CheckResult[],
  today: string,
): { decisions: Record<Decision, DecisionOutcome>; notes: string[] } {
  const replayed = checks.map((check) => replayCheck(check, today));
  const final = replayed.map((r) => r.check);
  for (const outcome of failClosed(final))
    final.push({ ...outcome, blocks: [...DECISIONS], abort: false, details: [], findings: [] });
  return {
    decisions: decideAll(final, PLAIN_LABELS),
    notes: replayed.flatMap((r) => r.note ?? []),
  };
}
