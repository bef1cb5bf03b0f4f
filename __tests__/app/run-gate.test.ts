// runGate's sequence against fake ports (the scenario harness's) and a recording sink: start,
// then finish or crash, never both, and a fault of the run never escapes as an exception.
import { readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { failGate, runGate, type GateOutcome, type GateSink } from '../../src/app/run-gate.js';
import {
  createScenarioPorts,
  prepareWorkspace,
  scenarioRequest,
  type Scenario,
} from '../scenarios/harness.js';

const scenario = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', 'scenarios', 'cases', 'as-shipped-rehearsal', 'scenario.json'),
    'utf8',
  ),
) as Scenario;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A sink that records what it was told, optionally failing at one step. */
function recordingSink(fail: { start?: unknown; finish?: unknown } = {}) {
  const calls: string[] = [];
  let finished: GateOutcome | undefined;
  let crashed: unknown;
  const sink: GateSink = {
    async start() {
      calls.push('start');
      if (fail.start) throw fail.start;
    },
    async finish(outcome) {
      calls.push(`finish:${outcome.kind}`);
      finished = outcome;
      if (fail.finish) throw fail.finish;
    },
    async crash(error) {
      calls.push('crash');
      crashed = error;
    },
  };
  return { sink, calls, finished: () => finished, crashed: () => crashed };
}

function workspace(edit: Partial<Scenario> = {}) {
  const s = { ...scenario, ...edit };
  const dir = prepareWorkspace(s);
  dirs.push(dir);
  return { ports: createScenarioPorts(s, dir), request: scenarioRequest(s) };
}

describe('runGate', () => {
  it('starts the sink, runs the pipeline and hands it the judged record', async () => {
    const { ports, request } = workspace();
    const recording = recordingSink();
    const result = await runGate(ports, request, recording.sink);
    expect(recording.calls).toEqual(['start', 'finish:judged']);
    expect(result).toBe(recording.finished());
    expect(result.kind === 'judged' && result.record.decisions.rehearsal.state).toBe('GO');
  });

  it("warns about the files a command's directory tree has past the listing limit", async () => {
    const { ports, request } = workspace();
    const test = join(ports.workspace.root, 'test');
    const before = readdirSync(test).length;
    for (let i = 0; i <= 500 - before; i++) writeFileSync(join(test, `zz-${1000 + i}.txt`), `${i}`);
    const warnings: string[] = [];
    const logger = { info: () => undefined, warn: (line: string) => void warnings.push(line) };
    const result = await runGate({ ...ports, logger }, request, recordingSink().sink);
    expect(warnings).toEqual([
      `Left out of the decision record's input digests: test/zz-${1500 - before}.txt and the files after it in test/ (it has more than 500 files).`,
    ]);
    // The listing does not decide the verdict; the record names the 500 files it did list.
    expect(result.kind === 'judged' && result.record.decisions.rehearsal.state).toBe('GO');
    const inputs = result.kind === 'judged' ? result.record.inputs : [];
    expect(inputs.filter((input) => input.path.startsWith('test/'))).toHaveLength(500);
  });

  it("leaves a tree's unreadable file out of the record's inputs, with a warning", async () => {
    const { ports, request } = workspace();
    const test = join(ports.workspace.root, 'test');
    symlinkSync('/etc/hostname', join(test, 'outside'));
    symlinkSync('/etc', join(test, 'etc'));
    const warnings: string[] = [];
    const logger = { info: () => undefined, warn: (line: string) => void warnings.push(line) };
    const result = await runGate({ ...ports, logger }, request, recordingSink().sink);
    // A symlink to a directory is not followed (as a directory would be), and not mentioned.
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Left out of the decision record's input digests: test\/outside \(it is a symlink that leads outside the workspace \(to \/etc\/hostname\); refusing to read it\)\.$/,
      ),
    ]);
    expect(result.kind === 'judged' && result.record.decisions.rehearsal.state).toBe('GO');
    const inputs = result.kind === 'judged' ? result.record.inputs.map((input) => input.path) : [];
    expect(inputs.filter((path) => path === 'test/outside' || path.startsWith('test/etc'))).toEqual(
      [],
    );
    expect(inputs.filter((path) => path.startsWith('test/')).length).toBeGreaterThan(0);
  });

  it('an unusable config is an outcome for finish, not a crash', async () => {
    const { ports, request } = workspace();
    const recording = recordingSink();
    const result = await runGate(ports, { ...request, configPath: 'nope.yml' }, recording.sink);
    expect(recording.calls).toEqual(['start', 'finish:unusable']);
    expect(result.kind).toBe('unusable');
  });

  it('shard records to merge go through the same sink', async () => {
    const { ports } = workspace();
    const recording = recordingSink();
    const result = await runGate(
      ports,
      {
        configPath: '.github/cutover-checkpoint.yml',
        records: [{ path: 'a.json', text: '{' }],
      },
      recording.sink,
    );
    expect(recording.calls).toEqual(['start', 'finish:unusable']);
    expect(result.kind === 'unusable' && result.errors[0]!.message).toMatch(/not a valid JSON/);
  });

  it('a fault of a port (a TypeError) reaches sink.crash as it was thrown', async () => {
    const { ports, request } = workspace();
    const fault = new TypeError('cannot read properties of undefined');
    const recording = recordingSink();
    const result = await runGate(
      {
        ...ports,
        workspace: {
          ...ports.workspace,
          readFile: () => Promise.reject(fault),
        },
      },
      request,
      recording.sink,
    );
    expect(recording.calls).toEqual(['start', 'crash']);
    expect(recording.crashed()).toBe(fault);
    expect(result).toEqual({ kind: 'crashed', error: fault });
  });

  it('a sink whose finish throws is told to crash; a throwing start too', async () => {
    const { ports, request } = workspace();
    const finishing = recordingSink({ finish: new Error('summary exploded') });
    expect((await runGate(ports, request, finishing.sink)).kind).toBe('crashed');
    expect(finishing.calls).toEqual(['start', 'finish:judged', 'crash']);
    const starting = recordingSink({ start: 'not even an Error' });
    expect(await runGate(ports, request, starting.sink)).toEqual({
      kind: 'crashed',
      error: 'not even an Error',
    });
    expect(starting.calls).toEqual(['start', 'crash']);
  });
});

describe('failGate', () => {
  it('starts the sink so it can say why, then reports the crash', async () => {
    const recording = recordingSink();
    const error = new Error("Invalid input 'decision'");
    expect(await failGate(recording.sink, error)).toEqual({ kind: 'crashed', error });
    expect(recording.calls).toEqual(['start', 'crash']);
    expect(recording.crashed()).toBe(error);
  });

  it('when starting throws, still reports the crash, then lets the fault propagate', async () => {
    const fault = new TypeError('bug in start');
    const recording = recordingSink({ start: fault });
    await expect(failGate(recording.sink, new Error('bad input'))).rejects.toBe(fault);
    expect(recording.calls).toEqual(['start', 'crash']);
  });
});
