// consumer.record: the consumer's own decision record, bound to the consumer (SPEC §10): its
// repository is consumer.repository, its sha a full sha starting with the pinned ref, and for each
// decision its verdict is GO with every check that blocks that decision passing. The record's own
// `decisions` are read only to be confirmed; the checks decide.

import type { ConsumerConfig } from '../config/config-types.js';
import { blocksDecision } from '../decide.js';
import { DECISIONS, type CheckOutcome, type CheckResult, type Decision } from '../model.js';
import type { DecisionRecord } from '../record.js';

const OK_STATUSES = new Set(['pass', 'warn', 'skipped']);

/** Why the record is not a GO for `decision`, or null when it is. */
function findRedFor(record: DecisionRecord, decision: Decision): string[] | null {
  const blocking = record.checks.filter((check: CheckResult) => blocksDecision(check, decision));
  const reasons = blocking
    .filter((check) => !OK_STATUSES.has(check.status))
    .map((check) => `${check.id} ${check.status}`);
  if (blocking.length === 0) reasons.push(`no check blocks ${decision}`);
  const stated = record.decisions?.[decision]?.state;
  if (stated !== 'GO') reasons.push(`its ${decision} verdict is ${stated ?? 'absent'}`);
  return reasons.length > 0 ? reasons : null;
}

/** Judges a schema-valid consumer record against the consumer config. */
export function judgeConsumerRecord(
  record: DecisionRecord,
  consumer: ConsumerConfig & { record: string },
): CheckOutcome {
  const base = { id: 'consumer.record', kind: 'consumer' as const };
  const path = consumer.record;
  const fail = (summary: string, expected: unknown, observed: unknown): CheckOutcome => ({
    ...base,
    status: 'fail',
    summary,
    findings: [{ message: summary, location: { file: path } }],
    expected,
    observed,
  });
  const repository = record.context?.repository ?? null;
  if (repository !== consumer.repository)
    return fail(
      `the consumer record ${path} is from repository ${repository ?? 'unknown'}, not the consumer ${consumer.repository}`,
      consumer.repository,
      repository,
    );
  const sha = record.context?.sha ?? '';
  const pinned = (consumer.ref ?? '').toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(sha) || pinned.length < 7 || !sha.startsWith(pinned))
    return fail(
      `the consumer record ${path} is for commit '${sha || 'unknown'}', not a full sha at the pinned ref ${consumer.ref}`,
      `a 40-hex sha starting with ${consumer.ref}`,
      sha || null,
    );
  const scope = (record as { scope?: string }).scope;
  // An aggregate of shards is a full run too (scope: full); `aggregated_from` alone is no excuse.
  if (scope !== 'full' || record.shard)
    return fail(
      `the consumer record ${path} is a '${scope ?? 'unscoped'}' record, not a full run (scope: full)`,
      'scope: full',
      scope ?? null,
    );
  const red = Object.fromEntries(DECISIONS.map((d) => [d, findRedFor(record, d)]));
  const failing = DECISIONS.filter((d) => red[d] !== null);
  if (failing.length === 0)
    return {
      ...base,
      status: 'pass',
      summary: `consumer ${repository} at ${sha.slice(0, 12)}: GO for ${DECISIONS.join(' and ')}, ${record.checks.length} checks green`,
    };
  const reasons = [...new Set(failing.flatMap((d) => red[d]!))];
  const summary = `the consumer is not GO for ${failing.join(' and ')} in ${path}: ${reasons.join(', ')}`;
  return {
    ...fail(
      summary,
      Object.fromEntries(failing.map((d) => [d, 'GO'])),
      Object.fromEntries(failing.map((d) => [d, red[d]])),
    ),
    details: failing.flatMap((d) => red[d]!.map((reason) => `${d}: ${reason}`)),
    // A consumer GO for rehearsal only still lets the rehearsal continue.
    ...(failing.length < DECISIONS.length ? { only: failing } : {}),
  };
}
