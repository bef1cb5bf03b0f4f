// execFileSync for the tests' fixtures (git commits, clones, tags …), run by the helper process
// (helper-process.ts) instead of this test worker: forking a worker of a few hundred MB cost ~12 ms
// of CPU per process on this machine, and the fixtures start ~300 a run. The call blocks this
// thread as execFileSync does, while a helper thread (helper-thread.ts) relays it.
import { join } from 'node:path';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import { HELPER_DIR_ENV, type ExecReply } from './helper-protocol.js';

export interface HelperExecOptions {
  cwd?: string;
  /** The program's whole environment (default: this process's, as execFileSync's). */
  env?: NodeJS.ProcessEnv;
  input?: string | Uint8Array;
  /** 'utf8': return a string; otherwise a Buffer, as execFileSync. */
  encoding?: 'utf8';
  /** Ignored: the helper always captures both streams (kept so call sites read as before). */
  stdio?: unknown;
  timeout?: number;
}

/** How long one call may take before it fails (the helper is then presumed stuck). */
const REPLY_TIMEOUT_MS = 120_000;

let link: { worker: Worker; port: MessagePort; flag: Int32Array } | undefined;
let nextId = 0;

function open() {
  const dir = process.env[HELPER_DIR_ENV];
  if (!dir) throw new Error(`${HELPER_DIR_ENV} is not set: global-setup.ts did not run`);
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(join(dir, 'helper-thread.cjs'), {
    workerData: { port: port2, flag },
    transferList: [port2],
    env: process.env,
    execArgv: [],
  });
  worker.unref();
  return { worker, port: port1, flag };
}

/**
 * Runs `file args` like child_process.execFileSync (stdout returned, a Buffer unless `encoding`;
 * a non-zero exit, a signal or a program that cannot start throws an Error with `status`,
 * `signal`, `stdout` and `stderr`), in the helper process.
 */
export function helperExecFileSync(
  file: string,
  args: string[],
  options: HelperExecOptions & { encoding: 'utf8' },
): string;
export function helperExecFileSync(
  file: string,
  args: string[],
  options?: HelperExecOptions,
): Buffer;
export function helperExecFileSync(
  file: string,
  args: string[],
  options: HelperExecOptions = {},
): string | Buffer {
  link ??= open();
  Atomics.store(link.flag, 0, 0);
  link.worker.postMessage({
    kind: 'exec',
    id: nextId++,
    file,
    args,
    env: { ...(options.env ?? process.env) },
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.input !== undefined ? { input: options.input } : {}),
    ...(options.timeout ? { timeoutMs: options.timeout } : {}),
  });
  if (Atomics.wait(link.flag, 0, 0, REPLY_TIMEOUT_MS) === 'timed-out')
    throw new Error(
      `${file} ${args.join(' ')}: no answer from the helper in ${REPLY_TIMEOUT_MS} ms`,
    );
  const reply = receiveMessageOnPort(link.port)?.message as
    ExecReply | { kind: 'crashed'; reason: string } | undefined;
  if (!reply || reply.kind === 'crashed') {
    link = undefined;
    throw new Error(`${file} ${args.join(' ')}: ${reply?.reason ?? 'no reply from the helper'}`);
  }
  const stdout = Buffer.from(reply.stdout);
  const stderr = Buffer.from(reply.stderr);
  if (reply.status !== 0) {
    const why = reply.error ?? stderr.toString('utf8');
    throw Object.assign(new Error(`Command failed: ${file} ${args.join(' ')}\n${why}`), {
      status: reply.status,
      signal: reply.signal,
      stdout: options.encoding ? stdout.toString('utf8') : stdout,
      stderr: options.encoding ? stderr.toString('utf8') : stderr,
    });
  }
  return options.encoding ? stdout.toString('utf8') : stdout;
}
