// The options that state what the gate is asked: the decision and the baseline inputs. `run` and
// `validate` ask them; `aggregate` states them to have them checked against the shards';
// `verify-record` takes a decision to replay.

import { BASELINE_FIELDS, DECISIONS, type Baseline, type Decision } from '../core/model.js';
import { UsageError } from './usage-error.js';

/** Longest baseline value accepted as an argument (a tag, a sha, a version): far above any real one. */
export const MAX_BASELINE_INPUT = 256;

/** `--decision`: rehearsal or cutover; undefined when not given. Throws UsageError otherwise. */
export function decisionOption(value: string | undefined): Decision | undefined {
  if (value !== undefined && !DECISIONS.includes(value as Decision))
    throw new UsageError(`--decision must be rehearsal or cutover (got '${value}')`);
  return value as Decision | undefined;
}

/** `--release-tag` and the other baseline options given, trimmed. Throws UsageError for an empty or overlong one. */
export function baselineOptions(values: Record<string, unknown>): Baseline {
  const inputs: Baseline = {};
  for (const field of BASELINE_FIELDS) {
    const option = `--${field.replace(/_/g, '-')}`;
    const value = values[option.slice(2)];
    if (typeof value !== 'string') continue;
    if (value.trim() === '') throw new UsageError(`${option} must not be empty`);
    if (value.length > MAX_BASELINE_INPUT)
      throw new UsageError(
        `${option} is ${value.length} characters long; at most ${MAX_BASELINE_INPUT} are accepted`,
      );
    inputs[field] = value.trim();
  }
  return inputs;
}
