// Turns evaluator outcomes into checks: which decisions each blocks, whether it is an abort
// trigger, and whether an unexpired waiver covers its failure.

import type { CheckPolicy, WaiverConfig } from './config/config-types.js';
import { isProtectedCheck } from './protected-checks.js';
import {
  DECISIONS,
  isFailing,
  type CheckOutcome,
  type CheckResult,
  type Decision,
} from './model.js';

/** Checks that are abort triggers unless the config says otherwise (the first seed's list). */
const DEFAULT_ABORT = [/^handoff\..+\.(fields|envelope)$/, /^git\.release-tag$/];

/** True when a policy or waiver key (exact id, or prefix ending in `*`) names this check. */
export function matchesCheck(pattern: string, id: string): boolean {
  return pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : pattern === id;
}

/** True when a waiver or policy key applies to this check: protected checks only by exact id. */
function appliesTo(pattern: string, id: string): boolean {
  return isProtectedCheck(id) ? false : matchesCheck(pattern, id);
}

/**
 * Applies blocks/abort policy and waivers to one outcome. `today` is YYYY-MM-DD (UTC). Protected
 * checks take neither (config validation already refuses naming them; this holds for any caller).
 */
export function applyPolicy(
  outcome: CheckOutcome,
  policies: CheckPolicy[],
  waivers: WaiverConfig[],
  today: string,
): CheckResult {
  let blocks: Decision[] = outcome.only ? [...outcome.only] : [...DECISIONS];
  let abort = DEFAULT_ABORT.some((pattern) => pattern.test(outcome.id));
  // Prefix policies apply first, longest last; an exact id wins over any prefix.
  const matching = policies
    .filter((policy) => appliesTo(policy.pattern, outcome.id))
    .sort(
      (a, b) =>
        Number(!a.pattern.endsWith('*')) - Number(!b.pattern.endsWith('*')) ||
        a.pattern.length - b.pattern.length,
    );
  for (const policy of matching) {
    if (policy.blocks) blocks = [...policy.blocks];
    if (policy.abort !== undefined) abort = policy.abort;
  }
  const result: CheckResult = {
    id: outcome.id,
    kind: outcome.kind,
    status: outcome.status,
    blocks,
    abort,
    summary: outcome.summary,
    details: outcome.details ?? [],
    findings: outcome.findings ?? [],
    ...(outcome.expected !== undefined ? { expected: outcome.expected } : {}),
    ...(outcome.observed !== undefined ? { observed: outcome.observed } : {}),
  };
  const waiver = waivers.find((w) => appliesTo(w.check, outcome.id));
  if (waiver && isFailing(outcome.status)) {
    const expired = waiver.expires < today;
    result.waiver = {
      reason: waiver.reason,
      owner: waiver.owner,
      expires: waiver.expires,
      expired,
    };
    if (expired) {
      result.details = [
        `waiver by ${waiver.owner} expired on ${waiver.expires} and no longer applies ("${waiver.reason}")`,
        ...result.details,
      ];
    } else {
      result.status = 'waived';
      result.summary = `waived by ${waiver.owner} until ${waiver.expires} (${waiver.reason}): ${outcome.summary}`;
    }
  }
  return result;
}
