// A process's last output must not be lost when the gate is held up just after the process
// exits. libuv reaps every exited child on any SIGCHLD, so a process can be reaped (its 'exit'
// seen) while its stdout is still unread; a loop iteration then runs its timers before its I/O.
// Both runners let go of a finished process's pipes a little after 'exit' (a background child
// may hold them open for ever): when the thread was held up that long (a busy event loop, GC, a
// descheduled process on a loaded runner), they used to destroy the pipes with the output still
// in them: a verification command with exit 0 and no output (no test counts), a tool probe with
// no version. Found in the suite under load (one run in ten); reproduced here on purpose.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFileLauncher } from '../../src/adapters/exec-file.js';
import { createProcessRunner } from '../../src/adapters/process-runner.js';
import { statFields, SYSTEM_PROC } from '../../src/adapters/proc-files.js';
import { survivors } from '../support/command-lines.js';
import { commandConfig } from '../support/command-config.js';
import { until } from '../support/until.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Holds this thread for `ms`, as a long synchronous task does (no timer, no I/O meanwhile). */
function hold(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Starts `start` (a process that writes one line 0.3 s later and exits), then has another child
 * of this process exit: that child's output callback holds the thread while the first process
 * writes and exits, so it is reaped on the other child's SIGCHLD before its stdout is polled;
 * then the thread is held `afterExitMs` more. Resolves to what `start` resolves to.
 */
async function reapedBeforeRead<T>(start: () => Promise<T>, afterExitMs: number): Promise<T> {
  const running = start();
  await new Promise((settle) => setTimeout(settle, 100));
  const other = spawn('sh', ['-c', 'echo go'], { stdio: ['ignore', 'pipe', 'ignore'] });
  other.stdout.on('data', () => hold(400));
  other.on('exit', () => setImmediate(() => hold(afterExitMs)));
  hold(100);
  return running;
}

const HELD_AFTER_EXIT_MS = [0, 250];

/** `run` through the command runner, as the gate runs a verification command. */
function runCommand(
  run: string,
  timeoutMs: number,
  more: { runTimeoutMs?: number; signal?: AbortSignal } = {},
) {
  const command = commandConfig('unit', run, { timeoutMs });
  const evidenceDir = mkdtempSync(join(tmpdir(), 'cc-idle-pipes-'));
  dirs.push(evidenceDir);
  return createProcessRunner({ root: FIXTURES, evidenceDir }).run([command], {
    ...{ concurrency: 1, logDir: 'logs', refusals: {} },
    ...{ redact: (text: string) => text, withheldEnv: [] },
    ...more,
  });
}

describe('output read after the process was reaped', () => {
  it('the command runner keeps it, however long the gate was held up after the exit', async () => {
    for (const afterExitMs of HELD_AFTER_EXIT_MS) {
      const [result] = await reapedBeforeRead(
        () => runCommand('sleep 0.3; ./prints-env.sh', 30_000),
        afterExitMs,
      );
      expect(result, `held ${afterExitMs} ms after the exit`).toMatchObject({
        state: 'ran',
        exitCode: 0,
      });
      expect(result!.outputTail).toContain('PLAIN=');
    }
  });

  it('the command runner keeps it when the command exited just before its timeout', async () => {
    // Lost, this line would have let the command pass although it reports failed tests.
    const [result] = await reapedBeforeRead(
      () => runCommand('sleep 0.3; echo "Tests: 2 failed, 40 passed, 42 total"', 450),
      0,
    );
    expect(result).toMatchObject({ state: 'ran', exitCode: 0, timedOut: false });
    expect(result!.outputTail).toContain('Tests: 2 failed, 40 passed');
  });

  it('a tool probe (execFile, let go after the exit) keeps it too', async () => {
    for (const afterExitMs of HELD_AFTER_EXIT_MS) {
      const { error, stdout } = await reapedBeforeRead(
        () =>
          execFileLauncher('/bin/sh', ['-c', 'sleep 0.3; echo v20.1.0'], {
            ...{ env: { PATH: process.env.PATH ?? '' }, timeout: 30_000, maxBuffer: 1 << 20 },
            drainAfterExitMs: 200,
          }),
        afterExitMs,
      );
      expect([error, stdout.toString()], `held ${afterExitMs} ms after the exit`).toEqual([
        null,
        'v20.1.0\n',
      ]);
    }
  });
});

describe('a timeout that fires while the thread is held up', () => {
  /** Holds the thread in an I/O callback (another child's output) for `ms`. */
  async function heldInCallback<T>(running: Promise<T>, ms: number): Promise<T> {
    await new Promise((settle) => setTimeout(settle, 50));
    const other = spawn('sh', ['-c', 'echo go'], { stdio: ['ignore', 'pipe', 'ignore'] });
    other.stdout.on('data', () => hold(ms));
    return running;
  }

  it('is no timeout for a command that had exited in time (its exit not read yet)', async () => {
    const [result] = await heldInCallback(runCommand('sleep 0.2; echo done', 1000), 1200);
    expect(result).toMatchObject({ state: 'ran', exitCode: 0, timedOut: false });
    expect(result!.outputTail).toBe('done\n');
  });

  it('the run timeout does not mark as stopped a command that had exited in time', async () => {
    const [result] = await heldInCallback(
      runCommand('sleep 0.2; echo done', 30_000, { runTimeoutMs: 1000 }),
      1200,
    );
    expect(result).toMatchObject({ state: 'ran', exitCode: 0, timedOut: false });
    expect(result).not.toHaveProperty('reason');
    expect(result!.outputTail).toBe('done\n');
  });
});

describe('an abort after the command exited', () => {
  it('lists what the command left behind, and does not call the command stopped', async () => {
    const controller = new AbortController();
    const running = runCommand('sleep 100.27 & echo started', 30_000, {
      signal: controller.signal,
    });
    // The abort must come after the shell exited and was reaped ('exit' seen), whatever the
    // load: a fixed wait was too short when starting bash took longer (one run under a profiler).
    await until(
      () => survivors('100.27').length === 1 && childrenNamed('bash').length === 0,
      'the shell not exited and reaped, or its sleep not alive',
    );
    controller.abort('the gate was interrupted (SIGINT)');
    const [result] = await running;
    expect(result).toMatchObject({ state: 'ran', exitCode: 0, timedOut: false });
    expect(result).not.toHaveProperty('reason');
    expect(result!.leftovers?.map((left) => left.command)).toEqual(['sleep 100.27']);
    expect(survivors('100.27')).toEqual([]);
  });
});

/** This process's children (alive or not yet reaped) whose program is `comm`, by /proc. */
function childrenNamed(comm: string): number[] {
  return SYSTEM_PROC.pids().filter((pid) => {
    const stat = SYSTEM_PROC.read(pid, 'stat'); // undefined: it ended meanwhile
    if (stat === undefined) return false;
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    return name === comm && Number(statFields(stat)[1]) === process.pid;
  });
}
