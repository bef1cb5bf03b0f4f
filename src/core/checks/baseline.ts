// baseline.<field>: every baseline-lock value agrees across config, inputs, manifest, payload and
// the joint record. Each disagreement names the field, the source and both values.

import { BASELINE_FIELDS, formatLocation, type CheckOutcome, type Finding } from '../model.js';
import { expectedBaseline } from '../evaluation/baseline-sources.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';

/** One check per locked field. */
export function evaluateBaseline(context: EvaluationContext): CheckOutcome[] {
  const sources = context.baselineSources;
  const lock = expectedBaseline(context);
  const outcomes: CheckOutcome[] = [];
  for (const field of BASELINE_FIELDS) {
    const expected = lock[field];
    if (expected === undefined) continue;
    const from =
      field === 'commit_sha' && context.config.baseline.commit_sha === undefined
        ? `release tag ${lock.release_tag} in git`
        : `the lock in ${context.config.path}`;
    const findings: Finding[] = [];
    const observed: Record<string, string> = {};
    const agreeing: string[] = [];
    for (const source of sources) {
      const value = source.values[field];
      if (value === undefined) continue;
      if (value === expected) {
        agreeing.push(source.name);
        continue;
      }
      observed[source.name] = value;
      const location = source.locate(field);
      findings.push({
        message: `${field}: ${source.name}${location ? ` (${formatLocation(location)})` : ''} has '${value}', ${from} says '${expected}'`,
        location,
      });
    }
    outcomes.push(
      findings.length > 0
        ? {
            id: `baseline.${field}`,
            kind: 'baseline',
            status: 'fail',
            summary: `${field} drifted from ${from.startsWith('the lock') ? 'the lock' : from} '${expected}' in ${Object.keys(observed).join(', ')}`,
            details: findings.map((f) => f.message),
            findings,
            expected,
            observed,
          }
        : {
            id: `baseline.${field}`,
            kind: 'baseline',
            status: 'pass',
            summary:
              agreeing.length > 0
                ? `${field} = '${expected}' in the lock, ${agreeing.join(', ')}`
                : `${field} = '${expected}' (stated only in the lock)`,
          },
    );
  }
  return outcomes;
}
