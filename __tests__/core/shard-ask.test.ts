// What an aggregating job asks against what its shards were judged on (core/shard/shard-ask.ts).
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/core/record.js';
import {
  askDifferences,
  askOfRecord,
  findAskMismatches,
  type JudgedAsk,
  type ShardAsk,
} from '../../src/core/shard/shard-ask.js';

/** A shard record with only the fields an ask is read from. */
function judgedOn(ask: JudgedAsk): DecisionRecord {
  return {
    decision_requested: ask.decision,
    modes: [...ask.modes],
    baseline: { observed: { inputs: ask.inputs } },
  } as unknown as DecisionRecord;
}

const SHARDS: JudgedAsk = {
  decision: 'rehearsal',
  modes: ['stable', 'candidate'],
  inputs: { release_tag: 'v0.3.2' },
};
const LABELS = { here: 'in this job', there: 'in the shards' };

describe("a door's ask against the shards' (only what it states)", () => {
  it.each<[string, ShardAsk, string[]]>([
    ['nothing stated', {}, []],
    [
      'the same decision, modes in another order, the same tag',
      {
        decision: 'rehearsal',
        modes: ['candidate', 'stable', 'stable'],
        inputs: { release_tag: 'v0.3.2' },
      },
      [],
    ],
    [
      "no modes and no inputs: the shards' are taken",
      { decision: 'rehearsal', modes: [], inputs: {} },
      [],
    ],
    [
      'another decision',
      { decision: 'cutover' },
      ['decision: cutover in this job, rehearsal in the shards'],
    ],
    [
      'fewer modes',
      { modes: ['stable'] },
      ['modes: stable in this job, candidate, stable in the shards'],
    ],
    [
      'another release tag',
      { inputs: { release_tag: 'v0.3.1' } },
      ["release_tag: 'v0.3.1' in this job, 'v0.3.2' in the shards"],
    ],
    [
      'an input the shards were not given',
      { inputs: { commit_sha: 'abc1234' } },
      ["commit_sha: 'abc1234' in this job, none in the shards"],
    ],
    [
      'everything at once, each said',
      { decision: 'cutover', modes: ['beta'], inputs: { release_tag: 'v1' } },
      [
        'decision: cutover in this job, rehearsal in the shards',
        'modes: beta in this job, candidate, stable in the shards',
        "release_tag: 'v1' in this job, 'v0.3.2' in the shards",
      ],
    ],
  ])('%s', (_name, asked, expected) => {
    expect(askDifferences(asked, SHARDS, LABELS, true)).toEqual(expected);
  });
});

describe('two shards (every part must agree)', () => {
  it.each<[string, JudgedAsk, string[]]>([
    ['the same ask', { ...SHARDS, modes: ['candidate', 'stable'] }, []],
    [
      'all modes against two',
      { ...SHARDS, modes: [] },
      ['modes: all configured in this job, candidate, stable in the shards'],
    ],
    [
      'a tag one lacks',
      { ...SHARDS, inputs: {} },
      ["release_tag: none in this job, 'v0.3.2' in the shards"],
    ],
  ])('%s', (_name, other, expected) => {
    expect(askDifferences(other, SHARDS, LABELS, false)).toEqual(expected);
  });
});

describe('findAskMismatches', () => {
  it('names the first shard, every difference and what to do', () => {
    const [message, ...rest] = findAskMismatches(
      { decision: 'cutover' },
      { path: 'shards/1/decision-record.json', record: judgedOn(SHARDS) },
    );
    expect(rest).toEqual([]);
    expect(message).toBe(
      'this job asks another question than the shards (shards/1/decision-record.json) were judged on (decision: cutover in this job, rehearsal in the shards); their merged verdict would not answer it: run the shard jobs with the same decision, modes and baseline inputs',
    );
  });

  it("is empty when the ask is the shards', and reads a hand-edited record without modes or baseline as empty", () => {
    expect(
      findAskMismatches({ decision: 'rehearsal' }, { path: 'a.json', record: judgedOn(SHARDS) }),
    ).toEqual([]);
    const bare = { decision_requested: 'cutover' } as unknown as DecisionRecord;
    expect(askOfRecord(bare)).toEqual({ decision: 'cutover', modes: [], inputs: {} });
  });
});
