// Starts the in-process runs' git through one small shell per test worker instead of forking the
// worker itself. On this machine (a Firecracker VM, where page faults and TLB flushes are dear)
// Node's spawn costs ~9 ms of CPU whatever the process size (fork, then copy-on-write faults in
// the parent), while a fork from dash costs ~1 ms; the in-process runs ask git ~390 times a suite
// run. The launcher keeps execFile's contract (git-exec.ts `Launcher`), so git's answers are read
// by the product's own code; what it cannot do as execFile does, it hands to execFile.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { execFileLauncher, type LaunchError, type Launcher } from '../../src/adapters/git-exec.js';
import { runsAlike, subshell } from './shell-command.js';

interface Pending {
  started: (pid: number) => void;
  exited: (status: number) => void;
}

/** One dash and the commands queued for it, one running at a time. */
class Shell {
  private readonly shell: ChildProcessByStdio<Writable, Readable, null>;
  private readonly dir = mkdtempSync(join(tmpdir(), 'cc-shell-'));
  private readonly queue: (() => void)[] = [];
  private current: Pending | undefined;
  private count = 0;
  dead = false;

  constructor() {
    // An empty environment: each command exports exactly its own.
    this.shell = spawn('/bin/sh', [], { env: {}, stdio: ['pipe', 'pipe', 'ignore'] });
    this.shell.on('error', () => this.stop());
    this.shell.on('exit', () => this.stop());
    this.shell.stdin.on('error', () => this.stop());
    createInterface({ input: this.shell.stdout }).on('line', (line) => {
      const [what, value] = line.split(' ');
      if (what === 'pid') this.current?.started(Number(value));
      else if (what === 'status') {
        const done = this.current;
        this.current = undefined;
        done?.exited(Number(value));
        this.next();
      }
    });
    this.idle();
  }

  /** Runs one command; null when the shell is gone (the caller then uses execFile). */
  run(
    file: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv; timeout: number },
  ): Promise<{ status: number; killed: boolean; out: string; err: string } | null> {
    const id = (this.count += 1);
    const out = join(this.dir, `${id}.out`);
    const err = join(this.dir, `${id}.err`);
    // The subshell runs in the background so its pid is known (for a timeout) before it ends.
    const line =
      `${subshell(file, args, options, { stdin: '/dev/null', stdout: out, stderr: err })} &\n` +
      `echo pid $!; wait $!; echo status $?\n`;
    return new Promise((resolve) => {
      this.queue.push(() => {
        if (this.dead) return resolve(null);
        let killed = false;
        let timer: NodeJS.Timeout | undefined;
        this.current = {
          started: (pid) => {
            timer = setTimeout(() => {
              killed = true;
              process.kill(pid, 'SIGTERM');
            }, options.timeout);
          },
          exited: (status) => {
            clearTimeout(timer);
            resolve({ status, killed, out, err });
          },
        };
        this.shell.stdin.write(line);
      });
      if (!this.current && this.queue.length === 1) this.next();
    });
  }

  private next(): void {
    const start = this.queue.shift();
    if (start) {
      this.busy();
      start();
    } else this.idle();
  }

  /** Held while a command runs; otherwise the shell does not keep the worker alive. */
  private busy(): void {
    this.shell.ref();
    (this.shell.stdout as unknown as { ref(): void }).ref();
  }

  private idle(): void {
    this.shell.unref();
    (this.shell.stdout as unknown as { unref(): void }).unref();
    (this.shell.stdin as unknown as { unref(): void }).unref();
  }

  private stop(): void {
    if (this.dead) return;
    this.dead = true;
    const current = this.current;
    this.current = undefined;
    current?.exited(-1);
    for (const start of this.queue.splice(0)) start();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

let shell: Shell | undefined;

/**
 * git-exec.ts's Launcher through this worker's shell. A command the shell would start
 * differently (a name `export` refuses, a missing file or directory, where execFile reports
 * ENOENT) goes to execFile, as does everything once the shell has died. A process killed by a
 * signal it did not send reads as its exit status (128 + the signal), which git-exec.ts reads as
 * a failure, as it reads a signal.
 */
export const shellLauncher: Launcher = async (file, args, options) => {
  if (!runsAlike(file, options.cwd, options.env)) return execFileLauncher(file, args, options);
  if (!shell || shell.dead) shell = new Shell();
  const ran = await shell.run(file, args, options);
  if (!ran || ran.status < 0) return execFileLauncher(file, args, options);
  const stdout = readFileSync(ran.out);
  const stderr = readFileSync(ran.err);
  rmSync(ran.out, { force: true });
  rmSync(ran.err, { force: true });
  if (ran.status === 0 && !ran.killed && stdout.length <= options.maxBuffer)
    return { error: null, stdout, stderr };
  const error: LaunchError = Object.assign(
    new Error(`Command failed: ${[file, ...args].join(' ')}\n${stderr.toString('utf8')}`),
    ran.killed
      ? { code: null, killed: true, signal: 'SIGTERM' as const }
      : stdout.length > options.maxBuffer
        ? { code: 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', killed: true, signal: 'SIGTERM' as const }
        : { code: ran.status, killed: false, signal: null },
  );
  return { error, stdout, stderr };
};
