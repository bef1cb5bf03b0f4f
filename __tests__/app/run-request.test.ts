// One request shape: what a door builds reaches the command runner as it was built (no field
// copied along and lost), a record rebuilds the same shape for aggregate and verify-record, and
// shard durations join the ask in one place for both doors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunCommandsOptions } from '../../src/app/ports.js';
import { runCheckpoint } from '../../src/app/run-checkpoint.js';
import { requestOfRecord, type GateAsk, type RunRequest } from '../../src/app/run-request.js';
import { withShardDurations } from '../../src/adapters/record-files.js';
import type { DecisionRecord } from '../../src/core/record.js';
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

/** Runs the pipeline on the first example and says what the command runner was asked. */
async function runnerCalls(request: RunRequest) {
  const dir = prepareWorkspace(scenario);
  dirs.push(dir);
  const ports = createScenarioPorts(scenario, dir);
  const calls: RunCommandsOptions[] = [];
  const run = ports.runner.run.bind(ports.runner);
  ports.runner = {
    run: (commands, options) => {
      calls.push(options);
      return run(commands, options);
    },
  };
  const outcome = await runCheckpoint(ports, request);
  if (outcome.kind !== 'judged') throw new Error('expected a judged record');
  return { calls, record: outcome.record };
}

describe('the run request reaches collect as the door built it', () => {
  it('concurrency, events and the stop signal are the request’s own', async () => {
    const events = { onStart: () => undefined };
    const stop = new AbortController();
    const { calls } = await runnerCalls({
      ...scenarioRequest(scenario),
      concurrency: 3,
      events,
      signal: stop.signal,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.concurrency).toBe(3);
    expect(calls[0]!.events).toBe(events);
    expect(calls[0]!.logDir).toBe('logs');
    // The runner's signal follows the request's (it also stops on a failed lookup, below).
    expect(calls[0]!.signal?.aborted).toBe(false);
    stop.abort(new Error('cancelled'));
    expect(calls[0]!.signal?.aborted).toBe(true);
  });

  it('commands start before git answers, and a lookup that fails stops them first', async () => {
    const dir = prepareWorkspace(scenario);
    dirs.push(dir);
    const ports = createScenarioPorts(scenario, dir);
    const order: string[] = [];
    let started!: () => void;
    const commandsStarted = new Promise<void>((resolve) => (started = resolve));
    ports.git = {
      ...ports.git,
      inspect: async () => {
        // Git answers only once the commands have started (they need no git answer); were they
        // waiting for git, it fails after 2 s and the order below shows it.
        await Promise.race([commandsStarted, new Promise((r) => setTimeout(r, 2000))]);
        order.push('git fails');
        throw new Error('git adapter fault');
      },
    };
    ports.runner = {
      run: (_commands, options) => {
        order.push('commands start');
        started();
        return new Promise((resolve) =>
          options.signal!.addEventListener('abort', () => {
            order.push('commands stopped');
            resolve([]);
          }),
        );
      },
    };
    await expect(runCheckpoint(ports, scenarioRequest(scenario))).rejects.toThrow(
      'git adapter fault',
    );
    expect(order).toEqual(['commands start', 'git fails', 'commands stopped']);
  });

  it('a runner that refuses while git is still answering fails the run, unhandled nowhere', async () => {
    const dir = prepareWorkspace(scenario);
    dirs.push(dir);
    const ports = createScenarioPorts(scenario, dir);
    const inspect = ports.git.inspect.bind(ports.git);
    const rejections: unknown[] = [];
    const onUnhandled = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      ports.git = {
        ...ports.git,
        inspect: async (ask) => {
          // Slower than the runner's refusal, across several turns of the event loop.
          await new Promise((r) => setTimeout(r, 50));
          return inspect(ask);
        },
      };
      ports.runner = { run: () => Promise.reject(new Error('unsafe log directory')) };
      await expect(runCheckpoint(ports, scenarioRequest(scenario))).rejects.toThrow(
        'unsafe log directory',
      );
      await new Promise((r) => setTimeout(r, 10));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('without a concurrency, the runner decides (the machine’s CPUs; the example sets none)', async () => {
    const { calls } = await runnerCalls(scenarioRequest(scenario));
    expect(calls[0]!.concurrency).toBeUndefined();
    const { calls: asked } = await runnerCalls({ ...scenarioRequest(scenario), concurrency: 5 });
    expect(asked[0]!.concurrency).toBe(5);
  });

  it('validate runs no command even when runCommands is true, and says why', async () => {
    const { calls, record } = await runnerCalls({
      ...scenarioRequest(scenario),
      scope: 'validate',
      runCommands: true,
      notRunReason: 'validate does not run commands',
    });
    expect(calls).toEqual([]);
    expect(record.scope).toBe('validate');
  });

  it('empty modes mean every configured mode, in the record too', async () => {
    const { record } = await runnerCalls({ ...scenarioRequest(scenario), modes: [] });
    expect(record.modes).toEqual(['stable', 'service-v3-candidate']);
  });
});

describe('requestOfRecord', () => {
  const record = {
    decision_requested: 'cutover',
    modes: ['stable'],
    baseline: { expected: {}, observed: { inputs: { release_tag: 'v1.2.3' } } },
    context: {
      repository: 'acme/x',
      sha: 'a'.repeat(40),
      ref: 'refs/heads/main',
      event: 'push',
      run_url: null,
      head_sha: 'b'.repeat(40),
      subject_sha: 'c'.repeat(40),
    },
  } as unknown as DecisionRecord;

  it('rebuilds the request a record was judged on', () => {
    expect(requestOfRecord(record, 'gate.yml')).toEqual({
      configPath: 'gate.yml',
      decision: 'cutover',
      modes: ['stable'],
      inputs: { release_tag: 'v1.2.3' },
      scope: 'run',
      runCommands: true,
      context: {
        repository: 'acme/x',
        sha: 'a'.repeat(40),
        ref: 'refs/heads/main',
        event: 'push',
        runUrl: null,
        headSha: 'b'.repeat(40),
        subjectSha: 'c'.repeat(40),
      },
    });
  });

  it('a hand-edited record without context, modes or baseline reads as empty, never a throw', () => {
    const bare = { decision_requested: 'rehearsal' } as unknown as DecisionRecord;
    const request = requestOfRecord(bare, 'gate.yml');
    expect(request.modes).toEqual([]);
    expect(request.inputs).toEqual({});
    expect(request.context).toEqual({
      repository: null,
      sha: null,
      ref: null,
      event: null,
      runUrl: null,
    });
  });
});

describe('withShardDurations (both doors)', () => {
  const ask: GateAsk = {
    configPath: 'gate.yml',
    decision: 'rehearsal',
    modes: [],
    inputs: {},
  };
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'durations-'));
    dirs.push(d);
    return d;
  };

  it('without a shard the durations record is not read (a bad path is no error)', () => {
    expect(withShardDurations(ask, 'no/such/record.json')).toEqual({ kind: 'ok', value: ask });
  });

  it('a shard is balanced by the record’s command durations, read relative to the base', () => {
    const base = dir();
    writeFileSync(
      join(base, 'prev.json'),
      JSON.stringify({ commands: [{ id: 'lint', duration_ms: 1200 }] }),
    );
    const sharded = { ...ask, shard: { index: 1, count: 2 } };
    expect(withShardDurations(sharded, 'prev.json', base)).toEqual({
      kind: 'ok',
      value: { ...sharded, shard: { index: 1, count: 2, durations: { lint: 1200 } } },
    });
  });

  it('a record that cannot be read is unavailable with the path and the cause', () => {
    const outcome = withShardDurations(
      { ...ask, shard: { index: 1, count: 2 } },
      'missing.json',
      dir(),
    );
    expect(outcome.kind).toBe('unavailable');
    expect(outcome.kind === 'unavailable' && outcome.reason).toMatch(/missing\.json: no such file/);
    expect(outcome.kind === 'unavailable' && outcome.cause).toBeInstanceOf(Error);
  });
});
