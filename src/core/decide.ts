// SPEC §2 exactly: a decision is NO-GO if any check blocking it failed (abort triggers block
// every decision), else CONDITIONAL if any is pending, else GO. Every non-GO says what flips it.

import {
  DECISIONS,
  isFailing,
  type CheckResult,
  type Decision,
  type DecisionState,
} from './model.js';

/** One step towards GO: a blocking check, with what was expected and seen. */
export interface ToGoItem {
  check: string;
  status: string;
  summary: string;
  expected?: unknown;
  observed?: unknown;
}

/** A decision's state, what blocks it, and what would flip it. */
export interface DecisionOutcome {
  state: DecisionState;
  label: string;
  blocked_by: string[];
  to_go: ToGoItem[];
}

/** Does this check stand in the way of this decision? */
export function blocksDecision(check: CheckResult, decision: Decision): boolean {
  return check.blocks.includes(decision) || (check.abort && isFailing(check.status));
}

/** Decides both decisions from the final checks. */
export function decideAll(
  checks: CheckResult[],
  labels: Record<Decision, Record<DecisionState, string>>,
): Record<Decision, DecisionOutcome> {
  const outcome = {} as Record<Decision, DecisionOutcome>;
  for (const decision of DECISIONS) {
    const relevant = checks.filter((check) => blocksDecision(check, decision));
    const failing = relevant.filter((check) => isFailing(check.status));
    const pending = relevant.filter((check) => check.status === 'pending');
    const state: DecisionState =
      failing.length > 0 ? 'NO-GO' : pending.length > 0 ? 'CONDITIONAL' : 'GO';
    const blocking = [...failing, ...pending].sort((a, b) => blockerRank(a) - blockerRank(b));
    outcome[decision] = {
      state,
      label: labels[decision][state],
      blocked_by: blocking.map((check) => check.id),
      to_go: blocking.map((check) => ({
        check: check.id,
        status: check.status,
        summary: check.summary,
        ...(check.expected !== undefined ? { expected: check.expected } : {}),
        ...(check.observed !== undefined ? { observed: check.observed } : {}),
      })),
    };
  }
  return outcome;
}

/**
 * Order of blockers: abort-trigger failures first (they are why nothing else matters), then other
 * failures, then checks that could not be evaluated (usually consequences of a failure above),
 * then pending ones. Stable within a rank, so evaluation order breaks ties.
 */
function blockerRank(check: CheckResult): number {
  if (check.status === 'fail') return check.abort ? 0 : 1;
  if (check.status === 'error') return check.abort ? 2 : 3;
  return 4;
}
