// execFileSync for the tests' fixtures (git init, commit, tag, checkout, …), its processes
// started by a small shell instead of forked from the test worker. A fork copies the worker's page
// tables (a few hundred MB), and every page the worker writes afterwards faults once: on this
// machine (a Firecracker VM, where a page fault is dear) a git call forked from a worker costs
// ~17 ms of machine CPU, from dash ~9 (git's own ~5 included), and the fixtures make ~300 a run.
//
// One dash per worker, started on the first call, runs the calls one at a time (a synchronous
// call cannot overlap another in one thread). This thread writes the command line to the shell's
// stdin and blocks reading the exit status from a FIFO only the shell holds open for writing: if
// the shell dies, the read ends (EOF) and the call throws instead of hanging. The command line is
// support/shell-command.ts's, which shell-launcher.test.ts checks against execFile's environment,
// directory and arguments. What the shell would start differently (runsAlike), or options this
// twin does not model, go to node's own execFileSync.
import {
  execFileSync as nodeExecFileSync,
  spawn,
  type ChildProcessByStdio,
  type ExecFileSyncOptions,
} from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Writable } from 'node:stream';
import { findExecutable } from '../../src/adapters/path-search.js';
import { runsAlike, shellQuote, subshell } from './shell-command.js';

/** The options the twin models; any other (timeout, shell, uid, stdio 'inherit', …) goes to node. */
type Options = Pick<ExecFileSyncOptions, 'cwd' | 'env' | 'input' | 'maxBuffer' | 'stdio'> & {
  encoding?: BufferEncoding | 'buffer' | null;
};

const MODELLED = new Set(['cwd', 'env', 'input', 'maxBuffer', 'stdio', 'encoding']);
/** execFileSync's default maxBuffer (Node ≥ 12): 1 MiB. */
const MAX_BUFFER = 1024 * 1024;

/** The worker's shell: its stdin, the status FIFO's read end, and a directory for output files. */
interface Shell {
  child: ChildProcessByStdio<Writable, null, null>;
  status: number;
  dir: string;
  dead: boolean;
}

let shell: Shell | undefined;

function startShell(): Shell {
  const dir = mkdtempSync(join(tmpdir(), 'cc-shell-sync-'));
  const fifo = join(dir, 'status');
  nodeExecFileSync('mkfifo', [fifo]);
  const child = spawn('/bin/sh', [], { env: {}, stdio: ['pipe', 'ignore', 'ignore'] });
  // fd 3 is the status FIFO's only writer: opening it blocks until this thread opens the read end.
  send(child, `exec 3>${shellQuote(fifo)}\n`);
  const status = openSync(fifo, 'r');
  // An idle shell must not keep the worker alive; it ends when the worker's end of its stdin does.
  child.unref();
  (child.stdin as unknown as { unref(): void }).unref();
  child.stdin.on('error', () => undefined);
  return { child, status, dir, dead: false };
}

/** Writes `line` to the shell; libuv writes to an empty pipe at once, so nothing is left queued. */
function send(child: Shell['child'], line: string): void {
  child.stdin.write(line);
  if (child.stdin.writableLength > 0) throw new Error('test shell: command line left queued');
}

/** The exit status the shell writes after each command; null when the shell is gone. */
function readStatus(current: Shell): number | null {
  const buffer = Buffer.alloc(16);
  let text = '';
  while (!text.endsWith('\n')) {
    const count = readSync(current.status, buffer, 0, buffer.length, null);
    if (count === 0) return null;
    text += buffer.toString('latin1', 0, count);
  }
  return Number(text.trim());
}

function stopShell(current: Shell): void {
  current.dead = true;
  current.child.kill('SIGKILL');
  closeSync(current.status);
  rmSync(current.dir, { recursive: true, force: true });
  if (shell === current) shell = undefined;
}

/** stdin as execFileSync gives it: empty (ignored or an unused pipe), or the input given. */
function stdinOf(options: Options): string | undefined | null {
  const stdio = options.stdio;
  const first = Array.isArray(stdio) ? stdio[0] : stdio;
  const rest = Array.isArray(stdio) ? stdio.slice(1, 3) : [stdio, stdio];
  if (!rest.every((s) => s === undefined || s === 'pipe')) return null;
  if (first !== undefined && first !== 'pipe' && first !== 'ignore') return null;
  if (first === 'ignore' || options.input === undefined) return undefined;
  return typeof options.input === 'string' ? options.input : null;
}

/**
 * `execFileSync(file, args, options)`: stdout (a string under an `encoding`, else a Buffer); on a
 * non-zero exit throws an Error with `status`, `stdout` and `stderr`, as Node's does. Unlike
 * Node's, a child's stderr is not copied to this process's stderr when `stdio` is not given.
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
  const env = options.env ?? process.env;
  const cwdOption = options.cwd === undefined ? process.cwd() : String(options.cwd);
  const cwd = isAbsolute(cwdOption) ? cwdOption : `${process.cwd()}/${cwdOption}`;
  const path = file.includes('/') ? file : findExecutable(file, env.PATH ?? '');
  const input = stdinOf(options);
  const modelled = Object.keys(options).every((key) => MODELLED.has(key));
  if (!path || input === null || !modelled || !runsAlike(path, args, cwd, env))
    return nodeExecFileSync(file, args, options as ExecFileSyncOptions);
  return viaShell(file, path, args, cwd, env, input, options);
}

function viaShell(
  file: string,
  path: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  input: string | undefined,
  options: Options,
): string | Buffer {
  const current = shell && !shell.dead ? shell : (shell = startShell());
  const out = join(current.dir, 'out');
  const err = join(current.dir, 'err');
  const stdin = input === undefined ? '/dev/null' : join(current.dir, 'in');
  if (input !== undefined) writeFileSync(stdin, input);
  const line = subshell(path, args, { cwd, env }, { stdin, stdout: out, stderr: err });
  send(current.child, `${line} 3>&-; echo $? >&3\n`);
  const status = readStatus(current);
  if (status === null) {
    stopShell(current);
    throw Object.assign(new Error(`test shell died running ${file}`), { code: 'ESHELLDIED' });
  }
  const stdout = readFileSync(out);
  const stderr = readFileSync(err);
  const encoding = options.encoding && options.encoding !== 'buffer' ? options.encoding : null;
  const decode = (bytes: Buffer) => (encoding ? bytes.toString(encoding) : bytes);
  const overflow = Math.max(stdout.length, stderr.length) > (options.maxBuffer ?? MAX_BUFFER);
  if (status === 0 && !overflow) return decode(stdout);
  const error = overflow
    ? Object.assign(new Error(`spawnSync ${file} ENOBUFS`), { code: 'ENOBUFS' })
    : new Error(`Command failed: ${[file, ...args].join(' ')}\n${stderr.toString('utf8')}`);
  throw Object.assign(error, {
    status,
    signal: null,
    stdout: decode(stdout),
    stderr: decode(stderr),
    output: [null, decode(stdout), decode(stderr)],
  });
}
