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

/** Kinds whose status depends only on the files (digest-checked) and git, never on the clock or API. */
const DETERMINISTIC = new Set([
  'artifact',
  'baseline',
  'git',
  'handoff',
  'semver',
  'rule',
  'changelog',
  'command',
]);

/** 0: nothing to act on; 1: pending; 2: a failure (a waived one included). */
function severity(status: CheckResult['status']): number {
  if (status === 'fail' || status === 'error' || status === 'waived') return 2;
  return status === 'pending' ? 1 : 0;
}

/**
 * Where a record's checks disagree with the same evidence judged again now: a check the evidence
 * yields that the record lacks (deleted), or a deterministic check the record states as better than
 * it is (an edited status; commands are recomputed from their raw results).
 */
export function compareWithRejudged(
  recorded: readonly CheckResult[],
  rejudged: readonly CheckResult[],
): string[] {
  const byId = new Map(recorded.map((check) => [check.id, check]));
  const problems: string[] = [];
  for (const check of rejudged) {
    const stated = byId.get(check.id);
    if (!stated)
      problems.push(`the record lacks the check ${check.id} (${check.status} on this evidence)`);
    else if (
      (DETERMINISTIC.has(check.kind) || check.id === 'consumer.record') &&
      severity(stated.status) < severity(check.status)
    )
      problems.push(
        `the record says ${check.id} is ${stated.status}, but the same evidence gives ${check.status}: ${check.summary}`,
      );
  }
  return problems;
}
