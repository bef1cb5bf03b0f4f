import { describe, expect, it } from 'vitest';
import { decideAll } from '../../src/core/decide.js';
import { applyPolicy, matchesCheck } from '../../src/core/policy.js';
import type { CheckOutcome, CheckResult, CheckStatus, Decision } from '../../src/core/model.js';

const labels = {
  rehearsal: { GO: 'GO', 'NO-GO': 'NO-GO', CONDITIONAL: 'CONDITIONAL' },
  cutover: { GO: 'GO', 'NO-GO': 'NO-GO', CONDITIONAL: 'CONDITIONAL CLOSE' },
};

function check(
  id: string,
  status: CheckStatus,
  blocks: Decision[] = ['rehearsal', 'cutover'],
  abort = false,
): CheckResult {
  return { id, kind: 'rule', status, blocks, abort, summary: id, details: [], findings: [] };
}

describe('decideAll (SPEC §2)', () => {
  it.each([
    ['all pass', [check('a', 'pass')], 'GO', 'GO'],
    ['a fail blocks both by default', [check('a', 'fail')], 'NO-GO', 'NO-GO'],
    ['error counts as fail', [check('a', 'error')], 'NO-GO', 'NO-GO'],
    ['pending makes CONDITIONAL', [check('a', 'pending')], 'CONDITIONAL', 'CONDITIONAL'],
    ['fail wins over pending', [check('a', 'pending'), check('b', 'fail')], 'NO-GO', 'NO-GO'],
    [
      'warn, waived and skipped do not block',
      [check('a', 'warn'), check('b', 'waived'), check('c', 'skipped')],
      'GO',
      'GO',
    ],
    ['a cutover-only fail leaves rehearsal GO', [check('a', 'fail', ['cutover'])], 'GO', 'NO-GO'],
    [
      'an abort trigger blocks every decision',
      [check('a', 'fail', ['cutover'], true)],
      'NO-GO',
      'NO-GO',
    ],
    ['a passing abort trigger blocks nothing', [check('a', 'pass', ['cutover'], true)], 'GO', 'GO'],
    [
      'a pending abort trigger only affects its own decisions',
      [check('a', 'pending', ['cutover'], true)],
      'GO',
      'CONDITIONAL',
    ],
  ] as const)('%s', (_name, checks, rehearsal, cutover) => {
    const decisions = decideAll([...checks], labels);
    expect(decisions.rehearsal.state).toBe(rehearsal);
    expect(decisions.cutover.state).toBe(cutover);
  });

  it('lists abort triggers first in what flips it to GO, with expected and observed', () => {
    const plain = { ...check('plain', 'fail'), expected: 'x', observed: 'y' };
    const abort = check('abort', 'fail', ['rehearsal'], true);
    const decisions = decideAll([plain, check('p', 'pending'), abort], labels);
    expect(decisions.cutover.blocked_by).toEqual(['abort', 'plain', 'p']);
    expect(decisions.cutover.to_go[1]).toEqual({
      check: 'plain',
      status: 'fail',
      summary: 'plain',
      expected: 'x',
      observed: 'y',
    });
  });

  it('uses the label of each state', () => {
    expect(decideAll([check('a', 'pending')], labels).cutover.label).toBe('CONDITIONAL CLOSE');
  });
});

describe('applyPolicy', () => {
  const outcome = (id: string, status: CheckStatus = 'fail', only?: Decision[]): CheckOutcome => ({
    id,
    kind: 'handoff',
    status,
    summary: 's',
    ...(only ? { only } : {}),
  });

  it.each([
    ['document.*', 'document.rollback', true],
    ['document.*', 'documents', false],
    ['changelog', 'changelog', true],
    ['changelog', 'changelog.x', false],
  ])('matches %s against %s', (pattern, id, expected) => {
    expect(matchesCheck(pattern, id)).toBe(expected);
  });

  it('makes envelope, field-drift and release-evidence checks abort triggers by default', () => {
    expect(applyPolicy(outcome('handoff.stable.envelope'), [], [], '2026-01-01').abort).toBe(true);
    expect(applyPolicy(outcome('handoff.stable.fields'), [], [], '2026-01-01').abort).toBe(true);
    expect(applyPolicy(outcome('git.release-tag'), [], [], '2026-01-01').abort).toBe(true);
    expect(applyPolicy(outcome('handoff.stable.error-code-enum'), [], [], '2026-01-01').abort).toBe(
      false,
    );
  });

  it('lets an exact policy override a prefix policy regardless of order', () => {
    const policies = [
      { pattern: 'document.rollback', blocks: ['cutover' as const], abort: true },
      { pattern: 'document.*', blocks: ['rehearsal' as const], abort: false },
    ];
    expect(applyPolicy(outcome('document.rollback'), policies, [], '2026-01-01')).toMatchObject({
      blocks: ['cutover'],
      abort: true,
    });
    expect(applyPolicy(outcome('document.other'), policies, [], '2026-01-01')).toMatchObject({
      blocks: ['rehearsal'],
      abort: false,
    });
  });

  it('keeps the decisions a check is limited to', () => {
    expect(
      applyPolicy(outcome('joint-decision.cutover', 'fail', ['cutover']), [], [], '2026-01-01')
        .blocks,
    ).toEqual(['cutover']);
  });

  const waiver = {
    check: 'rule.x',
    reason: 'known drift, fix in 0.3.3',
    owner: 'alice',
    expires: '2026-03-01',
  };
  it('waives a failing check until its expiry date (inclusive)', () => {
    const result = applyPolicy(outcome('rule.x'), [], [waiver], '2026-03-01');
    expect(result.status).toBe('waived');
    expect(result.waiver).toEqual({ ...waiver, check: undefined, expired: false });
  });

  it('says so when a waiver has expired and keeps the failure', () => {
    const result = applyPolicy(outcome('rule.x'), [], [waiver], '2026-03-02');
    expect(result.status).toBe('fail');
    expect(result.details[0]).toBe(
      'waiver by alice expired on 2026-03-01 and no longer applies ("known drift, fix in 0.3.3")',
    );
  });

  it('never turns a pending or passing check into waived', () => {
    expect(applyPolicy(outcome('rule.x', 'pending'), [], [waiver], '2026-01-01').status).toBe(
      'pending',
    );
    expect(applyPolicy(outcome('rule.x', 'pass'), [], [waiver], '2026-01-01').status).toBe('pass');
  });
});
