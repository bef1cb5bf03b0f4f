// What verify-record prints and how it ends, from its findings (core/render/verify-report.ts).
import { describe, expect, it } from 'vitest';
import type { DecisionOutcome } from '../../src/core/decide.js';
import { renderVerifyReport, type VerifyFindings } from '../../src/core/render/verify-report.js';

const outcome = (state: DecisionOutcome['state'], blocked: string[] = []): DecisionOutcome => ({
  state,
  label: state,
  blocked_by: blocked,
  to_go: [],
});
const AT = '2026-11-30T10:00:00.000Z';
const base: VerifyFindings = {
  problems: [],
  changes: [
    {
      id: 'config',
      path: '.github/cutover-checkpoint.yml',
      recorded: 'a'.repeat(64),
      current: 'a'.repeat(64),
      state: 'unchanged',
    },
  ],
  notes: [],
  decisions: { rehearsal: outcome('GO'), cutover: outcome('NO-GO', ['document.runbook']) },
};

describe('renderVerifyReport', () => {
  it.each([
    [
      'nothing asked',
      base,
      undefined,
      'verified',
      'Evidence unchanged since the verdict of 2026-11-30T10:00:00.000Z.',
    ],
    [
      'the cutover, blocked',
      base,
      'cutover',
      'NO-GO',
      'the cutover decision is NO-GO (blocked by document.runbook).',
    ],
    ['the rehearsal', base, 'rehearsal', 'GO', 'the rehearsal decision is GO.'],
  ] as const)('%s', (_, findings, decision, ends, last) => {
    const report = renderVerifyReport(findings, AT, decision);
    expect(report.ends).toBe(ends);
    expect(report.text.trimEnd().split('\n').at(-1)).toContain(last);
    expect(report.text).toMatch(/^unchanged config: \.github\/cutover-checkpoint\.yml\n/);
  });

  it('a changed input or a problem is unverifiable whatever was asked, and no decision is printed', () => {
    const findings: VerifyFindings = {
      ...base,
      changes: [
        {
          id: 'artifact.handoff',
          path: 'handoff.json',
          recorded: 'a'.repeat(64),
          current: 'b'.repeat(64),
          state: 'changed',
        },
      ],
      notes: ['waiver on document.runbook expired 2026-11-01'],
      problems: [
        'the record is for commit x, but HEAD is y: check out the commit the record judged',
      ],
    };
    const report = renderVerifyReport(findings, AT, 'rehearsal');
    expect(report.ends).toBe('unverifiable');
    expect(report.text).toBe(
      [
        'changed   artifact.handoff: handoff.json (sha256 aaaaaaaaaaaa → bbbbbbbbbbbb)',
        'note: waiver on document.runbook expired 2026-11-01',
        '',
        `1 input(s) changed since the verdict of ${AT}: handoff.json. Run the gate again.`,
        '',
        'not verifiable: the record is for commit x, but HEAD is y: check out the commit the record judged',
        '',
      ].join('\n'),
    );
  });
});
