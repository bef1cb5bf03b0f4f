// A command the runner cannot start, against real child processes: an expected failure of the
// outside world (a planted log symlink, a spawn the system refuses) is that command's result and
// the others keep theirs; a fault in the gate is thrown only once every command already running
// was stopped. Either way no process of the run outlives run().
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
} from 'node:fs';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createProcessRunner,
  type ProcessRunnerOptions,
} from '../../src/adapters/process-runner.js';
import { runProcess } from '../../src/adapters/run-process.js';
import type { RunCommandsOptions } from '../../src/app/ports.js';
import type { CommandConfig } from '../../src/core/config/config-types.js';
import type { CommandResult } from '../../src/core/evidence.js';
import { survivors } from '../support/command-lines.js';
import { commandConfig as command } from '../support/command-config.js';
import { until } from '../support/until.js';

let root: string;
let outside: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cc-start-'));
  outside = mkdtempSync(join(tmpdir(), 'cc-start-outside-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function run(
  commands: CommandConfig[],
  options: Partial<RunCommandsOptions> = {},
  runner: Partial<ProcessRunnerOptions> = {},
): Promise<CommandResult[]> {
  return createProcessRunner({
    root,
    evidenceDir: join(root, 'evidence'),
    killGraceMs: 100,
    ...runner,
  }).run(commands, {
    concurrency: 3,
    logDir: 'logs',
    refusals: {},
    redact: (t) => t,
    withheldEnv: [],
    ...options,
  });
}

/** Resolves once `sleep <marker>` is alive (a fixed delay races the shell's start under load). */
function untilAlive(marker: string): Promise<void> {
  return until(() => survivors(marker).length > 0, `sleep ${marker} not started`, { everyMs: 20 });
}

/** This process's open descriptors that point at `file`. */
function openDescriptorsOf(file: string): string[] {
  if (!existsSync('/proc/self/fd')) return [];
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // closed between the listing and the read
    }
  });
}

describe('a command that cannot start', () => {
  it('is not run when its log file is a planted symlink; the commands beside it run', async () => {
    const target = join(outside, 'bashrc');
    writeFileSync(target, 'original\n');
    mkdirSync(join(root, 'evidence', 'logs'), { recursive: true });
    symlinkSync(target, join(root, 'evidence', 'logs', 'planted.log'));
    const results = await run([
      command('slow', 'sleep 0.331'),
      command('planted', 'touch ran-planted'),
      command('quick', 'echo fine'),
    ]);
    const [slow, planted, quick] = results;
    expect(slow).toMatchObject({ state: 'ran', exitCode: 0 });
    expect(quick).toMatchObject({ state: 'ran', exitCode: 0, outputTail: 'fine\n' });
    expect(planted).toMatchObject({ state: 'not-run', exitCode: null });
    expect(planted!.logPath).toBeUndefined();
    expect(planted!.reason).toMatch(
      /^could not start: refusing to write evidence\/logs\/planted\.log: it is a symbolic link/,
    );
    expect(existsSync(join(root, 'ran-planted'))).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('original\n');
    expect(survivors('0.331')).toEqual([]);
  });

  it('is not run when the system refuses the spawn (E2BIG), and its log file is closed', async () => {
    // One argument over the kernel's 128 KiB limit: spawn throws E2BIG at once.
    const results = await run([
      command('slow', 'sleep 0.332'),
      command('huge', `echo ${'x'.repeat(200_000)}`),
    ]);
    expect(results[0]).toMatchObject({ state: 'ran', exitCode: 0 });
    expect(results[1]).toMatchObject({ state: 'not-run', reason: 'could not start: spawn E2BIG' });
    expect(openDescriptorsOf(join(root, 'evidence', 'logs', 'huge.log'))).toEqual([]);
    expect(survivors('0.332')).toEqual([]);
  });
});

describe('a fault while starting a command', () => {
  const fault = new TypeError('launcher bug');
  /**
   * `first` sleeps for `marker`; `second` starts only once that sleep is alive (a launcher for
   * `warmup`, which it needs, waits for it), so the fault comes while `first` runs.
   */
  const commands = (marker: string) => [
    command('first', `sleep ${marker}`),
    command('warmup', 'true'),
    command('second', 'true', { needs: ['warmup'] }),
  ];
  const launcher =
    (marker: string, second: typeof runProcess): typeof runProcess =>
    async (config, options) => {
      if (config.id === 'warmup') await untilAlive(marker);
      return (config.id === 'second' ? second : runProcess)(config, options);
    };

  it('thrown by the launcher is thrown once the command already running was stopped', async () => {
    const launch = launcher('7.131', () => {
      throw fault;
    });
    await expect(run(commands('7.131'), {}, { launch })).rejects.toMatchObject({
      message: "starting command 'second' failed: TypeError: launcher bug",
      cause: fault,
    });
    expect(survivors('7.131')).toEqual([]);
  });

  it('rejected by the launcher is thrown once the command already running was stopped', async () => {
    const launch = launcher('7.132', () => Promise.reject(fault));
    const ended: CommandResult[] = [];
    const running = run(
      commands('7.132'),
      { events: { onEnd: (_c, result) => ended.push(result) } },
      { launch },
    );
    await expect(running).rejects.toMatchObject({ cause: fault });
    expect(survivors('7.132')).toEqual([]);
    // Stopped as on abort, saying why.
    expect(ended.find((result) => result.id === 'first')).toMatchObject({
      signal: 'SIGTERM',
      reason: expect.stringMatching(/^the gate stopped on a fault/),
    });
  });

  it('in a progress sink is thrown once the command already running was stopped', async () => {
    const onStart = (config: CommandConfig) => {
      if (config.id === 'second') throw fault;
    };
    const launch = launcher('7.133', runProcess);
    await expect(run(commands('7.133'), { events: { onStart } }, { launch })).rejects.toBe(fault);
    expect(survivors('7.133')).toEqual([]);
  });
});
