// The timeouts of git (git-exec.ts execFileLauncher) and of the tool version probes
// (tool-lookup.ts probe): a process still running when the time is up is a timeout; one that
// exited while the thread was held up past the timeout (its exit not yet read) is its answer, read
// in full: never a success with the output cut short (execFile's own timeout drops the output it
// has not read yet when it fires, and reports exit 0).
import { describe, expect, it } from 'vitest';
import { createGitRunner } from '../../src/adapters/git-exec.js';
import { execFileLauncher } from '../../src/adapters/exec-file.js';
import { probe } from '../../src/adapters/tool-lookup.js';
import { survivors } from '../support/command-lines.js';

const options = { cwd: process.cwd(), env: { PATH: process.env.PATH ?? '' }, maxBuffer: 1 << 20 };

/**
 * Holds this thread for `ms` as a long synchronous task would: no timer fires and no child's exit
 * is seen meanwhile. Blocked in Atomics.wait, not spinning: the same for the event loop, without
 * burning a core the other test workers need.
 */
function busyFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('execFileLauncher timeout', () => {
  it('answers a process that ends in time with all it wrote', async () => {
    const { error, stdout } = await execFileLauncher('/bin/echo', ['policy: strict'], {
      ...options,
      timeout: 10_000,
    });
    expect([error, stdout.toString()]).toEqual([null, 'policy: strict\n']);
  });

  it('a process that exited while the thread was busy past the timeout answers in full, not empty', async () => {
    // execFile's own timeout, firing here, dropped the unread output and reported exit 0.
    const pending = execFileLauncher('/bin/echo', ['policy: strict'], { ...options, timeout: 50 });
    busyFor(600);
    const { error, stdout } = await pending;
    expect([error, stdout.toString()]).toEqual([null, 'policy: strict\n']);
  });

  it('kills a process that ignores SIGTERM at its timeout with SIGKILL, instead of waiting for it', async () => {
    // Without SIGKILL this waits out the sleep, past the test's own timeout. SIGKILL 100 ms after
    // the ignored SIGTERM (2 s by default: waiting it out is not the point).
    const started = Date.now();
    const { error } = await execFileLauncher('/bin/sh', ['-c', 'trap "" TERM; exec sleep 60.41'], {
      ...options,
      timeout: 100,
      killGraceMs: 100,
    });
    expect(error).toMatchObject({ code: null, killed: true });
    // After the timeout and the grace, not before.
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
    expect(survivors('60.41')).toEqual([]);
  });

  it('a git that does not answer in time is unavailable, in the words a user reads', async () => {
    const slow = createGitRunner((_file, _args, launch) =>
      execFileLauncher('/bin/sleep', ['5'], { ...launch, timeout: 100 }),
    );
    expect(await slow(process.cwd(), ['log'])).toMatchObject({
      kind: 'unavailable',
      reason: 'git log did not answer within 15 s',
    });
  });
});

describe('tool version probe timeout', () => {
  const env = { PATH: process.env.PATH ?? '' };

  it('reads a probe that ends in time', async () => {
    expect(await probe('/bin/echo', ['v20.1.0'], env, 10_000)).toEqual({
      versionOutput: 'v20.1.0',
      versionExitCode: 0,
    });
  });

  it('a probe that exited while the thread was busy past the timeout has its version, not an empty one', async () => {
    const pending = probe('/bin/echo', ['v20.1.0'], env, 50);
    busyFor(600);
    expect(await pending).toEqual({ versionOutput: 'v20.1.0', versionExitCode: 0 });
  });

  it('a probe that hangs did not finish', async () => {
    expect(await probe('/bin/sleep', ['5'], env, 100)).toMatchObject({
      versionExitCode: null,
      probeFailure: 'did not finish within 0.1 s',
    });
  });
});
