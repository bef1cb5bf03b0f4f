// execFileSync for the tests' fixtures (git init, commit, tag, checkout, …), its processes
// started by a small shell instead of forked from the test worker. A fork copies the worker's page
// tables (a few hundred MB), and every page the worker writes afterwards faults once: on this
// machine (a Firecracker VM, where a page fault is dear) a git call forked from a worker costs
// ~17 ms of machine CPU, from dash ~9 (git's own ~5 included), and the fixtures make ~300 a run.
//
// One dash per worker, started on the first call, runs the calls one at a time (a synchronous
// call cannot overlap another in one thread). Each command line is written to a file of its own
// and the shell is sent `. file` (a line of any length never waits in the pipe); this thread then
// blocks reading the status FIFO, of which the shell holds the only write end (fd 3): "s" when
// the command starts, its exit status when it ends, and EOF if the shell is gone, so a call never
// hangs on a dead shell. A shell found gone before the command started is replaced and the call
// made once more. The command line is support/shell-command.ts's, which shell-launcher.test.ts
// checks against execFile's environment, directory and arguments.
//
// What the shell would start differently goes to node's own execFileSync: see `modelled`. Known
// differences left: the call returns when the command exits (node waits for its stdout to close,
// so a background job's later output is not read), output is checked against maxBuffer only
// after the command ends (one that never stops writing is not stopped), a command killed by a
// signal reads as status 128 + the signal, argv[0] is the program's full path, and the child's
// stderr is not copied to this process's stderr when `stdio` is not given.
import {
  execFileSync as nodeExecFileSync,
  spawn,
  type ChildProcess,
  type ExecFileSyncOptions,
} from 'node:child_process';
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import type { Writable } from 'node:stream';
import { findExecutable } from '../../src/adapters/path-search.js';
import { runsAlike, shellQuote, subshell } from './shell-command.js';

/** execFileSync's options; those the twin models are MODELLED, any other goes to node. */
type Options = Omit<ExecFileSyncOptions, 'encoding'> & {
  encoding?: BufferEncoding | 'buffer' | null;
};

const MODELLED = new Set(['cwd', 'env', 'input', 'stdio', 'encoding']);
/** execFileSync's default maxBuffer (Node ≥ 12): 1 MiB, stdout and stderr together. */
const MAX_BUFFER = 1024 * 1024;

/** The worker's shell: its stdin, the status FIFO's read end, and a directory for its files. */
interface Shell {
  child: ChildProcess;
  stdin: Writable;
  status: number;
  dir: string;
  calls: number;
}

let shell: Shell | undefined;

function startShell(): Shell {
  const dir = mkdtempSync(join(tmpdir(), 'cc-shell-sync-'));
  const fifo = join(dir, 'status');
  nodeExecFileSync('mkfifo', [fifo]);
  // Neither open blocks: a FIFO open for reading lets a writer open at once, and then a blocking
  // reader too. The shell gets the writer as its fd 3, this process closes its copy: the shell's
  // is then the only one, so a shell that never started or died ends the read (EOF).
  const probe = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(fifo, constants.O_WRONLY);
  const status = openSync(fifo, constants.O_RDONLY);
  closeSync(probe);
  let child: ChildProcess;
  try {
    child = spawn('/bin/sh', [], { env: {}, stdio: ['pipe', 'ignore', 'ignore', writer] });
  } catch (error) {
    closeSync(status);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    closeSync(writer);
  }
  const stdin = child.stdin!;
  child.on('error', () => undefined);
  stdin.on('error', () => undefined);
  // An idle shell must not keep the worker alive; it ends when the worker's end of its stdin does.
  child.unref();
  (stdin as unknown as { unref(): void }).unref();
  return { child, stdin, status, dir, calls: 0 };
}

function stopShell(current: Shell): void {
  current.child.kill('SIGKILL');
  closeSync(current.status);
  rmSync(current.dir, { recursive: true, force: true });
  if (shell === current) shell = undefined;
}

/** The next line the shell writes to the status FIFO; null when the shell is gone. */
function readLine(current: Shell): string | null {
  const byte = Buffer.alloc(1);
  let line = '';
  for (;;) {
    if (readSync(current.status, byte, 0, 1, null) === 0) return null;
    if (byte[0] === 0x0a) return line;
    line += String.fromCharCode(byte[0]!);
  }
}

/** stdin as execFileSync gives it: empty (ignored or an unused pipe), or the input given. */
function stdinOf(options: Options): { input?: string | NodeJS.ArrayBufferView } | null {
  const stdio = options.stdio;
  const first = Array.isArray(stdio) ? stdio[0] : stdio;
  const rest = Array.isArray(stdio) ? stdio.slice(1, 3) : [stdio, stdio];
  if (!rest.every((s) => s === undefined || s === 'pipe')) return null;
  if (first !== undefined && first !== 'pipe' && first !== 'ignore') return null;
  return first === 'ignore' || options.input === undefined ? {} : { input: options.input };
}

/** The environment as node passes it: undefined left out, every other value as a string. */
function environmentOf(env: NodeJS.ProcessEnv | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env ?? process.env)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, String(value)]),
  );
}

/**
 * `execFileSync(file, args, options)`: stdout (a string under an `encoding`, else a Buffer); on a
 * non-zero exit throws an Error with `status`, `stdout` and `stderr`, as Node's does.
 */
export function execFileSync(
  file: string,
  args: readonly string[],
  options: Options & { encoding: BufferEncoding },
): string;
export function execFileSync(file: string, args?: readonly string[], options?: Options): Buffer;
export function execFileSync(
  file: string,
  args: readonly string[] = [],
  options: Options = {},
): string | Buffer {
  const env = environmentOf(options.env);
  const cwdOption = options.cwd === undefined ? process.cwd() : String(options.cwd);
  const cwd = isAbsolute(cwdOption) ? cwdOption : `${process.cwd()}/${cwdOption}`;
  const stdin = stdinOf(options);
  const path = modelled(options) ? programOf(file, env) : undefined;
  if (!path || !stdin || !runsAlike(path, args, cwd, env))
    return nodeExecFileSync(file, args, options as ExecFileSyncOptions);
  return viaShell(file, path, args, cwd, env, stdin.input, options);
}

/** Whether the twin models every option given. */
function modelled(options: Options): boolean {
  return Object.keys(options).every((key) => MODELLED.has(key));
}

/**
 * The program as execvp finds it; undefined (node decides) for a relative path with a slash (the
 * shell would resolve it against `cwd`) or a PATH with a relative directory (findExecutable skips
 * those, execvp does not).
 */
function programOf(file: string, env: Record<string, string>): string | undefined {
  if (file.includes('/')) return isAbsolute(file) ? file : undefined;
  const path = env.PATH ?? '';
  if (path.split(delimiter).some((dir) => !isAbsolute(dir))) return undefined;
  return findExecutable(file, path);
}

function viaShell(
  file: string,
  path: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
  input: string | NodeJS.ArrayBufferView | undefined,
  options: Options,
): string | Buffer {
  const encoding = options.encoding && options.encoding !== 'buffer' ? options.encoding : null;
  for (let attempt = 0; ; attempt += 1) {
    const current = shell ?? (shell = startShell());
    // Files of this call only: a background job of an earlier command cannot write into them.
    const base = join(current.dir, String((current.calls += 1)));
    const [script, out, err] = [`${base}.sh`, `${base}.out`, `${base}.err`];
    const used = [script, out, err];
    let stdinFile = '/dev/null';
    if (input !== undefined) {
      used.push((stdinFile = `${base}.in`));
      writeFileSync(
        stdinFile,
        typeof input === 'string' ? Buffer.from(input, encoding ?? 'utf8') : input,
      );
    }
    const line = subshell(path, args, { cwd, env }, { stdin: stdinFile, stdout: out, stderr: err });
    writeFileSync(script, `echo s >&3; ${line} 3>&-; echo $? >&3\n`);
    current.stdin.write(`. ${shellQuote(script)}\n`);
    const started = readLine(current);
    const status = started === null ? null : readLine(current);
    if (status === null) {
      stopShell(current);
      // Gone before the command started (it died idle): a new shell runs it, once.
      if (started === null && attempt === 0) continue;
      throw Object.assign(new Error(`test shell died running ${file}`), { code: 'ESHELLDIED' });
    }
    const stdout = readFileSync(out);
    const stderr = readFileSync(err);
    for (const scratch of used) rmSync(scratch, { force: true });
    return settle(file, args, Number(status), stdout, stderr, encoding);
  }
}

/** What execFileSync returns or throws for how the command ended. */
function settle(
  file: string,
  args: readonly string[],
  status: number,
  stdout: Buffer,
  stderr: Buffer,
  encoding: BufferEncoding | null,
): string | Buffer {
  const decode = (bytes: Buffer) => (encoding ? bytes.toString(encoding) : bytes);
  const overflow = stdout.length + stderr.length > MAX_BUFFER;
  if (status === 0 && !overflow) return decode(stdout);
  const command = [file, ...args].join(' ');
  const error = overflow
    ? Object.assign(new Error(`spawnSync ${file} ENOBUFS`), { code: 'ENOBUFS' })
    : new Error(`Command failed: ${command}${stderr.length > 0 ? `\n${stderr.toString()}` : ''}`);
  throw Object.assign(error, {
    status,
    signal: null,
    stdout: decode(stdout),
    stderr: decode(stderr),
    output: [null, decode(stdout), decode(stderr)],
  });
}
