// The CLI's sink: what a person at a terminal (or a pipe, with --json) sees for each outcome.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateOutcome } from '../../src/app/run-gate.js';
import { createTerminalSink } from '../../src/adapters/terminal-sink.js';
import { prepareWorkspace, runScenario, type Scenario } from '../scenarios/harness.js';

let judged: Extract<GateOutcome, { kind: 'judged' }>;
let dir: string;
beforeAll(async () => {
  const scenario = JSON.parse(
    readFileSync(
      join(
        import.meta.dirname,
        '..',
        'scenarios',
        'cases',
        'as-shipped-rehearsal',
        'scenario.json',
      ),
      'utf8',
    ),
  ) as Scenario;
  dir = prepareWorkspace(scenario);
  const outcome = await runScenario(scenario, dir);
  if (outcome.kind !== 'judged') throw new Error('the seed must be judged');
  judged = outcome;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function terminal(options: { json?: boolean; debug?: boolean } = {}) {
  const out = { stdout: '', stderr: '' };
  const sink = createTerminalSink({
    stdout: { write: (t) => void (out.stdout += t) },
    stderr: { write: (t) => void (out.stderr += t) },
    json: options.json ?? false,
    color: false,
    debug: options.debug ?? false,
  });
  return { sink, out };
}

describe('terminal sink', () => {
  it('prints the verdict as text with the record and report paths', async () => {
    const { sink, out } = terminal();
    await sink.finish(judged);
    expect(out.stdout).toContain('Verdict (rehearsal): GO');
    expect(out.stdout).toContain('Record: <evidence>/decision-record.json');
    expect(out.stderr).toBe('');
  });

  it('with --json prints exactly the record on stdout', async () => {
    const { sink, out } = terminal({ json: true });
    await sink.finish(judged);
    expect(JSON.parse(out.stdout)).toEqual(judged.record);
  });

  it('an unusable config goes to stderr, one line per error with its place', async () => {
    const { sink, out } = terminal();
    await sink.finish({
      kind: 'unusable',
      of: 'configuration',
      errors: [{ message: 'config not found at x.yml', location: { file: 'x.yml' } }],
    });
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      'cutover-checkpoint: the gate could not run\n  x.yml: config not found at x.yml\n',
    );
  });

  it('a crash is one line, with the stack only when debugging', async () => {
    const quiet = terminal();
    await quiet.sink.crash(new Error('disk full'));
    expect(quiet.out.stderr).toBe('cutover-checkpoint: the gate could not run: disk full\n');
    const debug = terminal({ debug: true });
    await debug.sink.crash(new Error('disk full'));
    expect(debug.out.stderr).toMatch(/could not run: disk full\nError: disk full\n\s+at /);
  });
});
