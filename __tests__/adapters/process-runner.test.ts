// The runner against real child processes (no mocked child_process): scheduling, killing,
// output bounds, environment and redaction. The tests run concurrently (each with its own
// evidence directory and commands marked apart): most of their time is waiting out a sleep, a
// timeout or a kill grace, which they now do side by side.
import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProcessRunner } from '../../src/adapters/process-runner.js';
import type { RunCommandsOptions } from '../../src/app/ports.js';
import type { CommandConfig } from '../../src/core/config/config-types.js';
import type { CommandResult } from '../../src/core/evidence.js';
import { createRedactor } from '../../src/core/redact.js';
import { CREDENTIAL_ENV } from '../../src/core/commands/credentials.js';
import { commandLines } from '../support/command-lines.js';
import { commandConfig as command } from '../support/command-config.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh directory of this test file's, removed after its tests. */
function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function run(
  commands: CommandConfig[],
  options: Partial<RunCommandsOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
  killGraceMs?: number,
) {
  const runner = createProcessRunner({
    root: FIXTURES,
    evidenceDir: scratch('cc-runner-'),
    env,
    ...(killGraceMs === undefined ? {} : { killGraceMs }),
  });
  const results = await runner.run(commands, {
    concurrency: 2,
    logDir: 'logs',
    refusals: {},
    redact: (t) => t,
    withheldEnv: CREDENTIAL_ENV,
    ...options,
  });
  return {
    results,
    byId: Object.fromEntries(results.map((r) => [r.id, r])) as Record<string, CommandResult>,
  };
}

/** Processes whose command line is exactly `sleep <marker>`. */
function survivors(marker: string): string[] {
  return commandLines().filter((line) => line.trim().startsWith(`sleep ${marker}`));
}

describe.concurrent('scheduling', () => {
  it('without a concurrency from the request or config, runs as many at once as there are CPUs', async () => {
    let announced: number | undefined;
    await run([command('one', 'true')], {
      concurrency: undefined,
      events: { onRunStart: (_commands, concurrency) => (announced = concurrency) },
    });
    expect(announced).toBe(availableParallelism());
  });

  it('never runs more than the concurrency bound at once', async () => {
    let current = 0;
    let peak = 0;
    const commands = ['a', 'b', 'c', 'd', 'e'].map((id) => command(id, 'sleep 0.3'));
    const { results } = await run(commands, {
      concurrency: 2,
      events: { onStart: () => (peak = Math.max(peak, ++current)), onEnd: () => current-- },
    });
    expect(peak).toBe(2);
    expect(results.every((r) => r.exitCode === 0)).toBe(true);
  });

  it('starts a command only after what it needs, and skips the dependents of a failure transitively', async () => {
    const { byId } = await run([
      command('first', 'sleep 0.2'),
      command('second', 'true', { needs: ['first'] }),
      command('broken', './exits-1.sh'),
      command('after-broken', 'true', { needs: ['broken'] }),
      command('after-after', 'true', { needs: ['after-broken'] }),
    ]);
    expect(byId.second!.startedMs).toBeGreaterThanOrEqual(
      byId.first!.startedMs + byId.first!.durationMs,
    );
    expect(byId.broken).toMatchObject({ state: 'ran', exitCode: 1 });
    expect(byId.broken!.outputTail).toContain('error: contract parity mismatch');
    expect(byId['after-broken']).toMatchObject({
      state: 'skipped',
      reason: "needs 'broken', which did not succeed",
    });
    expect(byId['after-after']).toMatchObject({
      state: 'skipped',
      reason: "needs 'after-broken', which did not succeed",
    });
  });

  it('reports refused commands without starting them, and skips what needs them', async () => {
    const started: string[] = [];
    const { byId } = await run(
      [
        command('deploy', 'touch should-not-exist'),
        command('smoke', 'true', { needs: ['deploy'] }),
      ],
      {
        refusals: { deploy: 'refused in a rehearsal' },
        events: { onStart: (c) => started.push(c.id) },
      },
    );
    expect(started).toEqual([]);
    expect(byId.deploy).toMatchObject({ state: 'refused', reason: 'refused in a rehearsal' });
    expect(byId.smoke).toMatchObject({
      state: 'skipped',
      reason: "needs 'deploy', which was refused",
    });
  });
});

describe.concurrent('stopping', () => {
  it('kills a hanging command and its grandchildren at the timeout, keeping the others', async () => {
    const { byId } = await run([
      command('hangs', './hangs.sh 411', { timeoutMs: 1000 }),
      command('fine', 'sleep 0.1'),
    ]);
    expect(byId.hangs).toMatchObject({ state: 'ran', timedOut: true, exitCode: null });
    expect(byId.fine).toMatchObject({ exitCode: 0, timedOut: false });
    // Stopped at its timeout, not before (timers may round by a millisecond or so); waiting out
    // its sleep instead would outlast the test's own timeout.
    expect(byId.hangs!.durationMs).toBeGreaterThanOrEqual(990);
    expect(survivors('411')).toEqual([]);
  });

  it('follows SIGTERM with SIGKILL when a command ignores SIGTERM', async () => {
    // SIGKILL after 100 ms of SIGTERM being ignored (2 s by default: waiting it out is not the point).
    const { byId } = await run(
      [command('stubborn', 'trap "" TERM; sleep 415.5', { timeoutMs: 300 })],
      {},
      process.env,
      100,
    );
    // SIGTERM was ignored and still nothing survives: it took SIGKILL, after the timeout and the
    // grace (300 + 100 ms), well before the sleep would have ended.
    expect(byId.stubborn).toMatchObject({ timedOut: true });
    expect(byId.stubborn!.durationMs).toBeGreaterThanOrEqual(390);
    expect(survivors('415.5')).toEqual([]);
  });

  it('refuses a working directory that leads out of the workspace through a symlink', async () => {
    const root = scratch('cc-cwd-');
    symlinkSync(tmpdir(), join(root, 'out'));
    const runner = createProcessRunner({ root, evidenceDir: scratch('cc-runner-') });
    const [result] = await runner.run([command('escape', 'true', { cwd: 'out' })], {
      concurrency: 1,
      logDir: 'logs',
      refusals: {},
      redact: (t) => t,
      withheldEnv: [],
    });
    expect(result).toMatchObject({
      state: 'not-run',
      reason: "working directory 'out' leads outside the workspace (through a symlink)",
    });
  });

  it('does not wait for a background child that holds stdout open', async () => {
    const { byId } = await run([command('daemon', './forks-and-hangs.sh')]);
    expect(byId.daemon).toMatchObject({ exitCode: 0, timedOut: false });
    expect(byId.daemon!.outputTail).toContain('1 passed, 0 failed');
    // Done when the script exits: waiting for its background child (sleep 300.79) instead would
    // outlast the test's own timeout.
    expect(survivors('300.79')).toEqual([]);
  });

  it('reports a command that kills itself by its signal', async () => {
    const { byId } = await run([command('suicide', './kills-self.sh')]);
    expect(byId.suicide).toMatchObject({ state: 'ran', signal: 'SIGKILL', exitCode: null });
  });

  it('on abort stops running commands and skips the rest, saying why', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort('the gate was interrupted (SIGINT)'), 300);
    const { byId } = await run(
      [
        command('long', './hangs.sh 412'),
        command('next', 'true', { needs: ['long'] }),
        command('other', 'sleep 30'),
      ],
      { signal: controller.signal },
    );
    expect(byId.long).toMatchObject({
      state: 'ran',
      signal: 'SIGTERM',
      reason: 'the gate was interrupted (SIGINT)',
    });
    expect(byId.other).toMatchObject({ signal: 'SIGTERM' });
    expect(byId.next).toMatchObject({
      state: 'skipped',
      reason: 'the gate was interrupted (SIGINT)',
    });
    expect(survivors('412')).toEqual([]);
  });

  it('stops everything when the run timeout expires', async () => {
    const { byId } = await run(
      [command('slow', 'sleep 30'), command('later', 'true', { needs: ['slow'] })],
      { runTimeoutMs: 500 },
    );
    // Ran until the run timeout, not before.
    expect(byId.slow!.durationMs).toBeGreaterThanOrEqual(490);
    expect(byId.slow!.reason).toBe('the run timeout (500ms) expired');
    expect(byId.later).toMatchObject({
      state: 'skipped',
      reason: 'the run timeout (500ms) expired',
    });
  });
});

describe.concurrent('output', () => {
  it('keeps a bounded tail in memory and the whole output in the log file', async () => {
    const { byId } = await run([command('flood', './floods.sh 5000000')]);
    const result = byId.flood!;
    expect(result.exitCode).toBe(0);
    expect(result.outputTail.length).toBeLessThanOrEqual(16 * 1024);
    expect(result.outputTail).toMatch(/3 passed, 0 failed\n$/);
    expect(result.outputBytes).toBe(5_000_000 + '\n3 passed, 0 failed\n'.length);
    const log = readFileSync(result.logPath!);
    expect(log.length).toBe(result.outputBytes);
    expect(log.subarray(-40).toString()).toMatch(/3 passed, 0 failed\n$/);
  });

  it('counts instead of echoing while the echo is backed up, and keeps the log complete', async () => {
    const live: string[] = [];
    const { byId } = await run([command('chatty', 'seq 1 3000; echo after')], {
      events: { onOutput: (_c, text) => void live.push(text), isBackedUp: () => true },
    });
    // Only the notice, at the end, saying how much was left out and where all of it is.
    const size =
      'after\n'.length + Array.from({ length: 3000 }, (_, i) => `${i + 1}\n`).join('').length;
    expect(live).toEqual([
      `[${size} bytes of output not shown here while this log's reader was slow; ${byId.chatty!.logPath} has all of it]\n`,
    ]);
    expect(readFileSync(byId.chatty!.logPath!, 'utf8')).toMatch(/^1\n2\n[\s\S]*3000\nafter\n$/);
    // A second run whose echo is backed up only for the first part: the notice comes before the rest.
    let calls = 0;
    const shown: string[] = [];
    const second = await run([command('chatty2', 'seq 1 3000; sleep 0.3; echo after')], {
      events: {
        onOutput: (_c, text) => void shown.push(text),
        isBackedUp: () => calls++ === 0,
      },
    });
    const all = shown.join('');
    expect(all).toMatch(
      /^\[\d+ bytes of output not shown here while this log's reader was slow; .*chatty2\.log has all of it\]\n/,
    );
    expect(all).toContain('after\n');
    expect(readFileSync(second.byId.chatty2!.logPath!, 'utf8')).toMatch(
      /^1\n2\n[\s\S]*3000\nafter\n$/,
    );
  });

  it('keeps bytes that are not UTF-8 as they are in the log, and starts the tail on a whole character', async () => {
    const { byId } = await run([
      command(
        'bytes',
        "printf 'a\\377\\376b\\n'; for i in $(seq 1 3000); do printf 'é€😀x'; done; echo",
      ),
    ]);
    const log = readFileSync(byId.bytes!.logPath!);
    expect(log.subarray(0, 5)).toEqual(Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a]));
    expect(log.length).toBe(byId.bytes!.outputBytes);
    const tail = byId.bytes!.outputTail;
    expect(tail).not.toContain('\ufffd');
    expect(Buffer.byteLength(tail)).toBeLessThanOrEqual(16 * 1024);
    expect(tail).toMatch(/^[é€😀x]+\n$/u);
  });

  it('explains a missing shell as exit 127', async () => {
    const { byId } = await run([command('odd', 'true', { shell: 'no-such-shell-here' })]);
    expect(byId.odd).toMatchObject({ state: 'ran', exitCode: 127 });
    expect(byId.odd!.outputTail).toContain('ENOENT');
  });

  it('runs with sh when asked, and with bash -eo pipefail by default', async () => {
    const { byId } = await run([
      command('pipefail', 'false | true'),
      command('sh', 'false | true', { shell: 'sh' }),
    ]);
    expect(byId.pipefail!.exitCode).toBe(1);
    expect(byId.sh!.exitCode).toBe(0);
  });
});

describe.concurrent('secrets', () => {
  const env = {
    ...process.env,
    GITHUB_TOKEN: 'ghs_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    GH_TOKEN: 'gh-token-value',
    SECRET_NAME: 'hunter2hunter2',
    PLAIN: 'visible',
  };

  it('withholds credential and secret variables unless a command asks for them by name', async () => {
    const { byId } = await run(
      [
        command('default', './prints-env.sh'),
        command('asks', './prints-env.sh', { passEnv: ['GITHUB_TOKEN'] }),
      ],
      {
        withheldEnv: [...CREDENTIAL_ENV, 'SECRET_NAME'],
        redact: createRedactor([env.GITHUB_TOKEN, env.SECRET_NAME]),
      },
      env,
    );
    expect(byId.default!.outputTail.trim()).toBe(
      'GITHUB_TOKEN=absent GH_TOKEN=absent SECRET_NAME=absent PLAIN=visible',
    );
    // Passed on request, and still masked in what the runner keeps.
    expect(byId.asks!.outputTail.trim()).toBe(
      'GITHUB_TOKEN=*** GH_TOKEN=absent SECRET_NAME=absent PLAIN=visible',
    );
  });

  it('masks secret values and token shapes in the tail, the log and the live output, even split across writes', async () => {
    const secret = 'dtok-7f3a9c2e51b84d06';
    let live = '';
    const { byId } = await run(
      [
        command('leaky', './prints-secret.sh', {
          env: { DEPLOY_TOKEN: secret },
          secretEnv: ['DEPLOY_TOKEN'],
        }),
      ],
      { redact: createRedactor([secret]), events: { onOutput: (_c, text) => (live += text) } },
    );
    const log = readFileSync(byId.leaky!.logPath!, 'utf8');
    for (const text of [byId.leaky!.outputTail, log, live]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
      expect(text).not.toContain('dtok-7');
      expect(text).toContain('deploy token is ***');
      expect(text).toContain('aws key *** in a line');
    }
  });
});
