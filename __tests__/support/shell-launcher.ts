// Starts the in-process runs' git through small shells instead of forking the test worker. On
// this machine (a Firecracker VM, where page faults and TLB flushes are dear) Node's spawn costs
// ~9 ms of CPU whatever the process size (fork, then copy-on-write faults in the parent), while a
// fork from dash costs ~1 ms; the in-process runs ask git ~390 times a suite run. The launcher
// keeps execFile's contract (git-exec.ts `Launcher`), so git's answers are read by the product's
// own code; what it cannot start as execFile would, it hands to execFile.
//
// Each shell runs one command at a time in the foreground (a background job of a shell ignores
// SIGINT and SIGQUIT; a process execFile starts does not), so commands started together each get
// a shell of their own: as with execFile, they run side by side and a slow one holds up no other.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { execFileLauncher, type LaunchError, type Launcher } from '../../src/adapters/exec-file.js';
import { createGitRunner } from '../../src/adapters/git-exec.js';
import { runsAlike, shellQuote, subshell } from './shell-command.js';

/** How a command sent to a shell ended: its exit status, or the shell gone while it ran. */
type Ended = { status: number; killed: boolean } | { shellDied: true };

/** One dash, running the commands it is sent one after another. */
class Shell {
  private readonly shell: ChildProcessByStdio<Writable, Readable, null>;
  private readonly dir = mkdtempSync(join(tmpdir(), 'cc-shell-'));
  /**
   * Every command's stdin: a FIFO it opens for reading and writing, so a read waits for ever, as
   * on the pipe execFile gives a child and never closes (a command reading stdin times out).
   */
  private readonly stdin = join(this.dir, 'stdin');
  private running: ((ended: Ended) => void) | undefined;
  private count = 0;
  dead = false;

  constructor() {
    // An empty environment: each command exports exactly its own.
    this.shell = spawn('/bin/sh', [], { env: {}, stdio: ['pipe', 'pipe', 'ignore'] });
    this.shell.on('error', () => this.stop());
    this.shell.stdin.on('error', () => this.stop());
    // Status lines are all read before 'close': a command that ended is never taken for lost.
    const lines = createInterface({ input: this.shell.stdout });
    lines.on('line', (line) => {
      const done = this.running;
      this.running = undefined;
      done?.({ status: Number(line), killed: false });
      this.hold(false);
    });
    lines.on('close', () => this.stop());
    this.shell.stdin.write(`mkfifo ${shellQuote(this.stdin)} || exit\n`);
    this.hold(false);
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Runs one command to its end (its output in files `out`, `err`); the shell must be idle. */
  run(
    file: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv; timeout: number },
  ): Promise<Ended & { out: string; err: string }> {
    const id = (this.count += 1);
    const out = join(this.dir, `${id}.out`);
    const err = join(this.dir, `${id}.err`);
    const line = subshell(file, args, options, { stdin: this.stdin, stdout: out, stderr: err });
    return new Promise((resolveRun) => {
      let killed = false;
      const timer = setTimeout(() => (killed = this.killChildren()), options.timeout);
      this.running = (ended) => {
        clearTimeout(timer);
        resolveRun({ ...('status' in ended ? { ...ended, killed } : ended), out, err });
      };
      this.hold(true);
      this.shell.stdin.write(`${line}; echo $?\n`);
    });
  }

  /**
   * SIGTERM to the shell's children (the command it runs, the only one); whether one was there.
   * A command that already ended and was reaped has none, and keeps its own exit status.
   */
  private killChildren(): boolean {
    let sent = false;
    try {
      const pid = this.shell.pid!;
      for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ')) {
        if (!child.trim()) continue;
        try {
          process.kill(Number(child), 'SIGTERM');
          sent = true;
        } catch {
          // gone meanwhile
        }
      }
    } catch {
      // no /proc: the command runs on, as a hung one would
    }
    return sent;
  }

  /** A shell running a command keeps the worker alive, as execFile's child would; an idle one not. */
  private hold(busy: boolean): void {
    for (const handle of [this.shell, this.shell.stdout, this.shell.stdin] as unknown as {
      ref(): void;
      unref(): void;
    }[])
      if (busy) handle.ref();
      else handle.unref();
  }

  private stop(): void {
    if (this.dead) return;
    this.dead = true;
    const running = this.running;
    this.running = undefined;
    running?.({ shellDied: true });
    this.shell.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const shells: Shell[] = [];

/** An idle shell of this worker, started when all are busy. */
function idleShell(): Shell {
  for (let i = shells.length - 1; i >= 0; i -= 1) if (shells[i]!.dead) shells.splice(i, 1);
  const idle = shells.find((shell) => !shell.busy);
  if (idle) return idle;
  const shell = new Shell();
  shells.push(shell);
  return shell;
}

/** The error execFile's callback would get for how the command ended. */
function launchError(file: string, args: string[], stderr: Buffer, cause: object): LaunchError {
  return Object.assign(
    new Error(`Command failed: ${[file, ...args].join(' ')}\n${stderr.toString('utf8')}`),
    cause,
  );
}

/**
 * git-exec.ts's Launcher through this worker's shells. A command the shell would start
 * differently (see `runsAlike`: a NUL byte, a name `export` refuses, a missing file or directory)
 * goes to execFile. A command whose shell died while it ran is a failure, never run again. A
 * process killed by a signal the launcher did not send reads as its exit status (128 + the
 * signal), which git-exec.ts reads as a failure, as it reads a signal.
 */
export const shellLauncher: Launcher = async (file, args, options) => {
  // Relative to this process's directory, as chdir takes it (not normalized: `link/..` is physical).
  const cwd = isAbsolute(options.cwd) ? options.cwd : `${process.cwd()}/${options.cwd}`;
  if (!runsAlike(file, args, cwd, options.env)) return execFileLauncher(file, args, options);
  const ended = await idleShell().run(file, args, { ...options, cwd });
  if ('shellDied' in ended) {
    const error = launchError(file, args, Buffer.alloc(0), { code: 'ESHELLDIED' });
    return { error, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) };
  }
  const stdout = readFileSync(ended.out);
  const stderr = readFileSync(ended.err);
  rmSync(ended.out, { force: true });
  rmSync(ended.err, { force: true });
  const overflow = stdout.length > options.maxBuffer || stderr.length > options.maxBuffer;
  if (ended.status === 0 && !ended.killed && !overflow) return { error: null, stdout, stderr };
  const cause = ended.killed
    ? { code: null, killed: true, signal: 'SIGTERM' as const }
    : overflow
      ? { code: 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', killed: true, signal: 'SIGTERM' as const }
      : { code: ended.status, killed: false, signal: null };
  return { error: launchError(file, args, stderr, cause), stdout, stderr };
};

/** The product's git, its processes started by this worker's shells (the in-process runs' git). */
export const shellGit = createGitRunner(shellLauncher);
