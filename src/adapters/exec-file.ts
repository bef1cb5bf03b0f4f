// Starts one process and collects its output with Node's execFile, the timeout kept here rather
// than by execFile: execFile's own timeout drops the output it has not read yet when it fires,
// and if the process had already exited 0 (its exit not yet seen, the event loop busy) reports
// success with that cut output. Here a process whose exit one more I/O pass shows is an answer,
// read in full; one still running is killed and is a timeout. git (git-exec.ts) and the tool
// version probes (tool-lookup.ts) both start their processes through this.

import { execFile } from 'node:child_process';
import { afterOneReadPass, setTimeoutAfterReads } from './idle-pipes.js';

/**
 * ms between SIGTERM and SIGKILL for a process stopped at its time: git, the tool probes, and
 * the verification commands (run-process.ts) alike.
 */
export const KILL_GRACE_MS = 2000;

/** How execFile reports a process that did not exit 0 (its callback's error). */
export type LaunchError = Error & {
  /** The exit status, or a string code (ENOENT, ERR_CHILD_PROCESS_STDIO_MAXBUFFER). */
  code?: number | string | null;
  killed?: boolean;
  signal?: NodeJS.Signals | null;
};

/**
 * Starts `file args` and collects its output, with execFile's contract: `error` null on exit 0,
 * else as execFile's callback gets it; `timeout` in ms, `maxBuffer` in bytes. Never rejects.
 */
export type Launcher = (
  file: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeout: number; maxBuffer: number },
) => Promise<{ error: LaunchError | null; stdout: Buffer; stderr: Buffer }>;

/**
 * Node's execFile as a Launcher. A process still running when the time is up (a signal reached
 * it) is a timeout whatever its exit (`killed`, SIGTERM, code null): never a cut answer.
 * `cwd` absent: this process's directory. `drainAfterExitMs`: once the process has exited, its
 * pipes are read that much longer and then let go, so a child it left holding them (a daemon a
 * version-manager shim spawned) does not keep the answer waiting until the timeout.
 * `killGraceMs`: ms between SIGTERM and SIGKILL (default KILL_GRACE_MS; tests shorten it).
 */
export function execFileLauncher(
  file: string,
  args: string[],
  options: Omit<Parameters<Launcher>[2], 'cwd'> & {
    cwd?: string;
    drainAfterExitMs?: number;
    killGraceMs?: number;
  },
): ReturnType<Launcher> {
  const { timeout, drainAfterExitMs, killGraceMs = KILL_GRACE_MS, ...execOptions } = options;
  return new Promise((resolvePromise) => {
    let timedOut = false;
    const child = execFile(
      file,
      args,
      { ...execOptions, encoding: 'buffer' },
      (error, stdout, stderr) => {
        clearTimeout(timer);
        clearTimeout(killer);
        if (!timedOut) return resolvePromise({ error, stdout, stderr });
        const late = error ?? new Error(`Command timed out: ${[file, ...args].join(' ')}`);
        resolvePromise({
          error: Object.assign(late, { code: null, killed: true, signal: 'SIGTERM' as const }),
          stdout,
          stderr,
        });
      },
    );
    // An exit the loop had not read yet, its thread held up past the timeout, is an answer
    // (execFile still reads all of it), not a hang. One that ignores SIGTERM gets SIGKILL after
    // killGraceMs (it would otherwise hang the run; once it has exited, kill() sends nothing).
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeoutAfterReads(() => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      timedOut = child.kill('SIGTERM');
      killer = setTimeout(() => child.kill('SIGKILL'), killGraceMs);
    }, timeout);
    if (drainAfterExitMs === undefined) return;
    child.once('exit', () => {
      const exitedAt = Date.now();
      const letGo = () => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      };
      const read = { bytes: 0 };
      const count = (chunk: Buffer) => void (read.bytes += chunk.length);
      child.stdout?.on('data', count);
      child.stderr?.on('data', count);
      // Let go only of pipes with nothing left to read (idle-pipes.ts), else wait again; but not
      // for longer than the timeout (a child left behind that never stops writing).
      const drain = setTimeout(
        () =>
          afterOneReadPass(read, letGo, () =>
            Date.now() - exitedAt < timeout ? drain.refresh() : letGo(),
          ),
        drainAfterExitMs,
      );
      child.once('close', () => clearTimeout(drain));
    });
  });
}
