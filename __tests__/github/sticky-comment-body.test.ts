// The sticky comment's whole body, the lines naming the judged commit included, stays within
// GitHub's 65,536-character comment limit however long the verdict is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/core/record.js';
import { commentMarker } from '../../src/core/render/github/comment.js';
import {
  readJudgedCommit,
  renderStickyComment,
} from '../../src/core/github/sticky-comment-plan.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SHA = '0123456789abcdef0123456789abcdef01234567';
const record = JSON.parse(
  readFileSync(
    join(ROOT, '__tests__/scenarios/cases/as-shipped-cutover/expected-record.json'),
    'utf8',
  ),
) as DecisionRecord;

/** The record with `count` blocking findings of `length` characters each. */
function withFindings(count: number, length: number): DecisionRecord {
  const copy = structuredClone(record);
  // One filler, cut per finding: the summaries share its characters rather than each copying
  // them (3,000 of 30,000 characters were 90 MB to allocate and collect, most of this file's time).
  const filler = 'assertion failed; '.repeat(Math.ceil(length / 18));
  copy.decisions.cutover.to_go = Array.from({ length: count }, (_, i) => {
    const head = `finding ${i}: `;
    return {
      check: `command.suite-${i}`,
      status: 'fail',
      summary: (head + filler.slice(0, Math.max(0, length - head.length))).slice(0, length),
    };
  });
  return copy;
}

describe('renderStickyComment', () => {
  const url = 'https://github.example/o/r/pull/2/checks';

  it('a small verdict: the body ends with the judged commit, short and in full', () => {
    const body = renderStickyComment(record, 'Cutover gate', url, SHA);
    expect(body.split('\n')[0]).toBe(commentMarker('Cutover gate'));
    expect(body).toContain(`Judged commit: \`${SHA.slice(0, 7)}\``);
    expect(readJudgedCommit(body)).toBe(SHA);
    expect(body).not.toContain('Truncated');
  });

  it('3,000 findings of 30,000 characters: cut, and still within 65,536 with the commit named', () => {
    const body = renderStickyComment(withFindings(3_000, 30_000), 'Cutover gate', url, SHA);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.length).toBeGreaterThan(65_536 - 200);
    expect(body.split('\n')[0]).toBe(commentMarker('Cutover gate'));
    expect(body).toContain("_Truncated to fit GitHub's limit of");
    expect(body.trimEnd().split('\n').slice(-3)).toEqual([
      `Judged commit: \`${SHA.slice(0, 7)}\``,
      '',
      `<!-- cutover-checkpoint:commit=${SHA} -->`,
    ]);
    expect(readJudgedCommit(body)).toBe(SHA);
  });

  it('a verdict that alone just fits the limit is fitted with the closing lines counted', () => {
    // Findings sized so the least detailed verdict crosses 65,536 minus the closing lines (~80)
    // and then 65,536 itself: every size in between must still end within the limit.
    const sizes: number[] = [];
    for (let length = 21_560; length <= 21_680; length += 2) {
      const body = renderStickyComment(withFindings(3, length), 'Cutover gate', url, SHA);
      sizes.push(body.length);
      expect(body.length, `findings of ${length}`).toBeLessThanOrEqual(65_536);
      expect(readJudgedCommit(body)).toBe(SHA);
    }
    // The sweep did reach the boundary: some bodies were cut, some were not.
    expect(Math.max(...sizes)).toBeGreaterThan(65_400);
  });
});
