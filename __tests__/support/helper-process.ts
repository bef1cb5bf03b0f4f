// The helper process (remote-git.ts, helper-exec.ts): runs what a test worker asks, so that the
// worker, a process of a few hundred MB, is not the one forking. Bundled by global-setup.ts;
// started by a worker (or its helper thread) and gone when that side goes away.
// - `git`: the product's own git adapter (src/adapters/git-exec.ts) under the asking worker's
//   environment of that moment;
// - `exec`: a program, as execFileSync would run it (the tests' fixtures).
import { execFile } from 'node:child_process';
import { git } from '../../src/adapters/git-exec.js';
import type { ExecReply, HelperRequest, HelperReply } from './helper-protocol.js';

/** An error as plain data: the structured clone of an Error keeps no own properties (code …). */
function plain(error: unknown): (HelperReply & { kind: 'git' })['cause'] {
  if (!(error instanceof Error)) return { value: error };
  return { error: { ...error, name: error.name, message: error.message, stack: error.stack } };
}

function answerGit(request: HelperRequest & { kind: 'git' }): Promise<HelperReply> {
  // git-exec reads process.env when it is called, before its first await: set just before.
  process.env = request.env;
  return git(request.cwd, request.args).then((result) =>
    'cause' in result
      ? {
          kind: 'git',
          id: request.id,
          result: { ...result, cause: undefined },
          cause: plain(result.cause),
        }
      : { kind: 'git', id: request.id, result },
  );
}

function answerExec(request: HelperRequest & { kind: 'exec' }): Promise<HelperReply> {
  return new Promise((resolve) => {
    const child = execFile(
      request.file,
      request.args,
      {
        cwd: request.cwd,
        env: request.env,
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
        ...(request.timeoutMs ? { timeout: request.timeoutMs } : {}),
      },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: unknown; signal?: string | null }) | null;
        const reply: ExecReply = {
          kind: 'exec',
          id: request.id,
          stdout,
          stderr,
          status: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          signal: failure?.signal ?? null,
          ...(failure && typeof failure.code !== 'number' ? { error: failure.message } : {}),
        };
        resolve(reply);
      },
    );
    // A program that exits without reading its input closes the pipe: EPIPE is its business.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(request.input);
  });
}

process.on('message', (request: HelperRequest) => {
  void (request.kind === 'git' ? answerGit(request) : answerExec(request)).then((reply) =>
    process.send!(reply),
  );
});
process.on('disconnect', () => process.exit(0));
