// The product's git adapter (git-exec.ts), run in a small helper process (helper-process.ts)
// instead of this test worker, for the in-process CLI and Action runs. Same code, same arguments,
// the worker's environment of the moment: only the process that forks git differs.
//
// Why: a fork copies the forking process's page tables, and the parent then takes a fault on every
// page it writes until the child has exec'd. From a test worker of 200–300 MB that cost ~12 ms of
// CPU per git on this machine (a VM where a page fault costs ~6.5 µs), ~500 gits a run; from a
// 40 MB helper, a few. The helper is started once per worker and never keeps the worker alive.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { GitResult } from '../../src/adapters/git-exec.js';
import { HELPER_DIR_ENV, type HelperReply, type HelperRequest } from './helper-protocol.js';

let helper: ChildProcess | undefined;
const pending = new Map<number, { resolve(result: GitResult): void; reject(e: Error): void }>();
let nextId = 0;

/** Forks the helper process (from whoever calls: this thread, or helper-thread.ts). */
export function forkHelper(): ChildProcess {
  const dir = process.env[HELPER_DIR_ENV];
  if (!dir) throw new Error(`${HELPER_DIR_ENV} is not set: global-setup.ts did not run`);
  // Node's own flags, not the test worker's (its loader hooks, --no-opt …).
  return fork(join(dir, 'helper-process.cjs'), [], {
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
  });
}

function start(): ChildProcess {
  const child = forkHelper();
  child.on('message', (reply: HelperReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) child.channel?.unref();
    if (reply.kind === 'git') waiting?.resolve(withCause(reply));
  });
  child.on('exit', (code, signal) => {
    helper = undefined;
    const failure = new Error(`the git helper exited (${signal ?? `exit ${code}`})`);
    for (const waiting of pending.values()) waiting.reject(failure);
    pending.clear();
  });
  child.unref();
  child.channel?.unref();
  return child;
}

function withCause({ result, cause }: HelperReply & { kind: 'git' }): GitResult {
  if (!cause || result.kind !== 'unavailable') return result;
  const restored =
    'error' in cause ? Object.assign(new Error(cause.error.message), cause.error) : cause.value;
  return { ...result, cause: restored };
}

/**
 * git-exec.ts's `git`, run in the helper: resolves to what it resolved to there (never rejects,
 * unless the helper itself dies). Starts the helper on first use.
 */
export function remoteGit(cwd: string, args: string[]): Promise<GitResult> {
  helper ??= start();
  const child = helper;
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    child.channel?.ref();
    child.send({ kind: 'git', id, cwd, args, env: { ...process.env } } satisfies HelperRequest);
  });
}

/** Starts the helper now (before a test takes stock of this process's children). */
export function startGitHelper(): void {
  helper ??= start();
}
