// The Action's sink in-process against a fake step: what a judged, unusable or crashed run leaves
// for the runner (outputs, job summary within 1 MiB, annotations, the step's one line).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateOutcome } from '../../src/app/run-gate.js';
import { createActionSink } from '../../src/adapters/github/action-sink.js';
import type { Publisher } from '../../src/adapters/github/publisher.js';
import { OUTPUTS } from '../../src/action/constants.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { byteLength } from '../../src/core/render/github/limits.js';
import { JOB_SUMMARY_LIMIT, renderJobSummary } from '../../src/core/render/github/job-summary.js';
import type { DecisionRecord } from '../../src/core/record.js';
import { prepareWorkspace, runScenario, type Scenario } from '../scenarios/harness.js';
import { FakeStep } from './fake-step.js';

const CASES = join(import.meta.dirname, '..', 'scenarios', 'cases');
const load = (name: string) =>
  JSON.parse(readFileSync(join(CASES, name, 'scenario.json'), 'utf8')) as Scenario;
let judged: Extract<GateOutcome, { kind: 'judged' }>;
const dirs: string[] = [];

beforeAll(async () => {
  const scenario = load('as-shipped-rehearsal');
  const dir = prepareWorkspace(scenario);
  dirs.push(dir);
  const outcome = await runScenario(scenario, dir);
  if (outcome.kind !== 'judged') throw new Error('the seed must be judged');
  judged = outcome;
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const sink = (step: FakeStep, options: { failOn?: 'no-go' | 'conditional' | 'never' } = {}) =>
  createActionSink({
    io: step,
    outputs: OUTPUTS,
    decision: 'rehearsal',
    failOn: options.failOn ?? 'no-go',
    runUrl: 'https://github.example/o/r/actions/runs/1',
  });
/** The judged seed with its verdict replaced. */
const withVerdict = (verdict: DecisionRecord['verdict']) => ({
  ...judged,
  record: { ...judged.record, verdict },
});

describe('a judged run', () => {
  it('sets every verdict output, writes the report as the summary, and notices a GO', async () => {
    const step = new FakeStep();
    await sink(step).finish(judged);
    expect(step.outputs).toEqual({
      verdict: 'GO',
      rehearsal: 'GO',
      cutover: 'NO-GO',
      record: '<evidence>/decision-record.json',
      report: '<evidence>/report.md',
      'blocking-checks': '',
      'check-run-id': '',
      'check-run-url': '',
      'comment-id': '',
      'comment-url': '',
    });
    expect(step.summary).toBe(judged.markdown);
    expect(step.failed).toBeUndefined();
    expect(step.log).toContain('::notice::rehearsal verdict: GO');
  });

  it.each([
    ['NO-GO', 'no-go', true],
    ['CONDITIONAL', 'no-go', false],
    ['CONDITIONAL', 'conditional', true],
    ['NO-GO', 'never', false],
  ] as const)('verdict %s with fail-on %s fails the step: %s', async (verdict, failOn, fails) => {
    const step = new FakeStep();
    await sink(step, { failOn }).finish(withVerdict(verdict));
    expect(step.failed !== undefined).toBe(fails);
    expect(step.outputs.verdict).toBe(verdict);
  });

  it('a job summary that cannot be written is a warning; the step still passes', async () => {
    const step = new FakeStep();
    step.summaryFault = new Error('EACCES: permission denied, open /summary');
    await sink(step).finish(judged);
    expect(step.failed).toBeUndefined();
    expect(step.warnings()).toEqual([
      '::warning::cutover-checkpoint could not write the job summary (EACCES: permission denied, open /summary); the report is in <evidence>/report.md',
    ]);
    expect(step.outputs.verdict).toBe('GO');
  });

  it('a report over 1 MiB reaches the job summary with less detail, within the limit', async () => {
    const step = new FakeStep();
    const huge = `${judged.markdown}${'x'.repeat(JOB_SUMMARY_LIMIT)}`;
    await sink(step).finish({ ...judged, markdown: huge });
    expect(byteLength(step.summary)).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT);
    expect(step.summary).toBe(
      renderMarkdown(judged.record, {
        passingChecks: false,
        outputTails: true,
        findingsPerCheck: 20,
      }),
    );
  });
});

describe('renderJobSummary', () => {
  it('is the full report when it fits', () => {
    expect(renderJobSummary(judged.record, judged.markdown, null)).toBe(judged.markdown);
  });

  it('cuts the least detailed rendering with a notice linking the run when nothing fits', () => {
    const summary = renderJobSummary(
      judged.record,
      judged.markdown,
      'https://github.example/o/r/actions/runs/1',
      2000,
    );
    expect(byteLength(summary)).toBeLessThanOrEqual(2000);
    expect(summary).toContain("_Truncated to fit GitHub's limit of 2,000;");
    expect(summary).toContain('[workflow run](https://github.example/o/r/actions/runs/1)');
  });
});

describe('an unusable config', () => {
  it('annotates each error at its place and fails the step naming them', async () => {
    const step = new FakeStep();
    await sink(step).finish({
      kind: 'unusable',
      of: 'configuration',
      errors: [
        {
          message: "unknown key 'comands'",
          location: { file: '.github/cutover-checkpoint.yml', line: 3, column: 1 },
        },
      ],
    });
    expect(step.log[0]).toBe(
      "::error file=.github/cutover-checkpoint.yml,line=3,col=1::unknown key 'comands'",
    );
    expect(step.failed).toBe(
      "cutover-checkpoint: the configuration is not usable: .github/cutover-checkpoint.yml:3:1: unknown key 'comands'",
    );
    expect(step.outputs).toEqual({});
  });

  it('refused shard records are named as such, not blamed on the configuration', async () => {
    const step = new FakeStep();
    const message = 'decision: cutover in this job, rehearsal in the shards';
    await sink(step).finish({
      kind: 'unusable',
      of: 'shard-records',
      errors: [{ message, location: { file: 'shards/1.json' } }],
    });
    expect(step.failed).toBe(
      `cutover-checkpoint: the shard records cannot be aggregated: shards/1.json: ${message}`,
    );
    expect(step.outputs).toEqual({});
  });
});

describe('a crash', () => {
  it('puts the stack and the causes in the debug log; the failure stays one line', async () => {
    const step = new FakeStep();
    const fault = new TypeError('x is undefined', { cause: new Error('ENOSPC: disk full') });
    await sink(step).crash(new Error('publishing failed', { cause: fault }));
    expect(step.failed).toBe('cutover-checkpoint could not run: publishing failed');
    const debug = step.log.filter((line) => line.startsWith('::debug::'));
    expect(debug).toHaveLength(1);
    expect(debug[0]).toMatch(/^::debug::the fault in full: Error: publishing failed\n\s+at /);
    expect(debug[0]).toContain('[cause]: TypeError: x is undefined');
    expect(debug[0]).toContain('[cause]: Error: ENOSPC: disk full');
  });

  it('after the verdict was known (publishing faulted), takes the verdict outputs back', async () => {
    const step = new FakeStep();
    const fault = new TypeError('publisher broke');
    const faulty = createActionSink({
      io: step,
      outputs: OUTPUTS,
      decision: 'rehearsal',
      failOn: 'no-go',
      runUrl: null,
      publisher: {
        start: async () => undefined,
        finish: async () => Promise.reject(fault),
        crash: async () => undefined,
        reportPermissions: () => undefined,
        published: { comments: [] },
      } as unknown as Publisher,
    });
    await expect(faulty.finish(judged)).rejects.toBe(fault);
    expect(step.outputs.verdict).toBe('GO');
    await faulty.crash(fault);
    expect(step.failed).toBe('cutover-checkpoint could not run: publisher broke');
    // A later `if: always()` step reads no verdict from a step that could not run.
    expect(step.outputs).toMatchObject({
      verdict: '',
      rehearsal: '',
      cutover: '',
      'blocking-checks': '',
    });
  });

  it('fails the step with the message, for Errors and for anything else thrown', async () => {
    const step = new FakeStep();
    await sink(step).crash(new Error('disk full'));
    expect(step.failed).toBe('cutover-checkpoint could not run: disk full');
    await sink(step).crash({ toString: () => 'a thrown object' });
    expect(step.failed).toBe('cutover-checkpoint could not run: a thrown object');
  });
});
