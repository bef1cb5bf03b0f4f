// Every folder under __tests__/scenarios/cases is one scenario: scenario.json says what to change
// and what must follow; expected-record.json and expected-report.md are the golden outputs.
// A missing golden fails (a new scenario without expected files must not go green on CI);
// UPDATE_GOLDENS=1 writes them, missing or not: review the diff.

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLocation, isFailing } from '../../src/core/model.js';
import { prepareWorkspace, runScenario, type Scenario } from './harness.js';
import { expectGolden } from '../support/golden.js';

const CASES = join(import.meta.dirname, 'cases');
const golden = (path: string, actual: string) => expectGolden(path, actual, '__tests__/scenarios');

describe('scenarios', () => {
  for (const name of readdirSync(CASES).sort()) {
    const scenario = JSON.parse(
      readFileSync(join(CASES, name, 'scenario.json'), 'utf8'),
    ) as Scenario;
    it(`${name}: ${scenario.description}`, async () => {
      const dir = prepareWorkspace(scenario);
      try {
        const outcome = await runScenario(scenario, dir);
        const text =
          outcome.kind === 'unusable'
            ? outcome.errors.map((e) => `${formatLocation(e.location)}: ${e.message}`).join('\n') +
              '\n'
            : outcome.markdown;
        const expected = scenario.expect;
        expect(outcome.kind === 'unusable').toBe(expected.unusable === true);
        if (outcome.kind === 'judged') {
          const { record } = outcome;
          if (expected.verdict) expect(record.verdict).toBe(expected.verdict);
          if (expected.rehearsal) expect(record.decisions.rehearsal.state).toBe(expected.rehearsal);
          if (expected.cutover) expect(record.decisions.cutover.state).toBe(expected.cutover);
          if (expected.failing)
            expect(
              record.checks
                .filter((c) => isFailing(c.status))
                .map((c) => c.id)
                .sort(),
            ).toEqual([...expected.failing].sort());
          golden(
            join(CASES, name, 'expected-record.json'),
            JSON.stringify(record, null, 2).replaceAll(dir, '<workspace>') + '\n',
          );
          golden(
            join(CASES, name, 'expected-report.md'),
            outcome.markdown.replaceAll(dir, '<workspace>'),
          );
        } else {
          golden(join(CASES, name, 'expected-errors.txt'), text.replaceAll(dir, '<workspace>'));
        }
        // Mentions are looked for in the report and, unescaped, in the record's check texts.
        const said =
          outcome.kind === 'judged'
            ? outcome.record.checks
                .flatMap((c) => [c.summary, ...c.details, ...c.findings.map((f) => f.message)])
                .join('\n')
            : '';
        for (const mention of expected.mentions ?? [])
          expect(`${text}\n${said}`.replaceAll(dir, '<workspace>')).toContain(mention);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
