// What a shard was asked (the decision, the handoff modes, the baseline inputs compared with the
// lock), and what the aggregating job asks. A merged verdict answers the question the shards were
// judged on: a job that asks another (the cutover over rehearsal shards, another release tag)
// would publish an answer to a question nobody judged, so the difference is refused, never
// replaced by the shards' question in silence.

import { BASELINE_FIELDS, type Baseline, type Decision } from '../model.js';
import type { DecisionRecord } from '../record.js';

/** What a door asks of a run; only the parts it states are compared. */
export interface ShardAsk {
  decision?: Decision;
  /** Handoff modes; empty or absent: not stated. */
  modes?: readonly string[];
  /** Baseline inputs; a field absent: not stated. */
  inputs?: Baseline;
}

/** The ask a record was judged on: its decision, modes and baseline inputs. */
export interface JudgedAsk {
  decision: Decision;
  modes: string[];
  inputs: Baseline;
}

/**
 * The ask a record was judged on (aggregate and verify-record judge its evidence again under it;
 * shards are compared by it). Fields a hand-edited record lacks read as empty, never as a throw.
 */
export function askOfRecord(record: DecisionRecord): JudgedAsk {
  return {
    decision: record.decision_requested,
    modes: Array.isArray(record.modes) ? record.modes : [],
    inputs: record.baseline?.observed?.inputs ?? {},
  };
}

const modeList = (modes: readonly string[]) =>
  modes.length > 0 ? [...new Set(modes)].sort().join(', ') : 'all configured';
const quoted = (value: string | undefined) => (value === undefined ? 'none' : `'${value}'`);

/**
 * Each part of `a` that differs from `b`, as "field: a's value here, b's value there" (empty when
 * none does). `stated`: compare only what `a` states (a door's ask: a mode list or a baseline
 * field it leaves out takes the shards'); otherwise every part (two shards must agree in all).
 */
export function askDifferences(
  a: ShardAsk,
  b: JudgedAsk,
  labels: { here: string; there: string },
  stated: boolean,
): string[] {
  const say = (field: string, mine: string, theirs: string) =>
    `${field}: ${mine} ${labels.here}, ${theirs} ${labels.there}`;
  const differences: string[] = [];
  if (a.decision !== undefined && a.decision !== b.decision)
    differences.push(say('decision', a.decision, b.decision));
  const modes = a.modes ?? [];
  if ((!stated || modes.length > 0) && modeList(modes) !== modeList(b.modes))
    differences.push(say('modes', modeList(modes), modeList(b.modes)));
  for (const field of BASELINE_FIELDS) {
    const value = a.inputs?.[field];
    if ((!stated || value !== undefined) && value !== b.inputs[field])
      differences.push(say(field, quoted(value), quoted(b.inputs[field])));
  }
  return differences;
}

/**
 * Why the aggregating job cannot publish a merged verdict of the shards, `first` among them
 * (empty when it can): each part of its ask that differs from what they were judged on.
 */
export function findAskMismatches(
  asked: ShardAsk,
  first: { path: string; record: DecisionRecord },
): string[] {
  const differences = askDifferences(
    asked,
    askOfRecord(first.record),
    { here: 'in this job', there: 'in the shards' },
    true,
  );
  return differences.length === 0
    ? []
    : [
        `this job asks another question than the shards (${first.path}) were judged on (${differences.join('; ')}); their merged verdict would not answer it: run the shard jobs with the same decision, modes and baseline inputs`,
      ];
}
