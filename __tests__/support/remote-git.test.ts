// The git helper answers as the product's git adapter does in this process: the in-process CLI
// and Action runs go through it, so a difference would change what those tests judge.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git as localGit, type GitResult } from '../../src/adapters/git-exec.js';
import { buildDemoRepo } from './demo-repo.js';
import { remoteGit } from './remote-git.js';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'cc-remote-git-'));
const repo = join(scratch, 'repo');
buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), repo);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A result with its cause as what a caller can read of it. */
const readable = (result: GitResult) =>
  'cause' in result
    ? {
        ...result,
        cause: {
          isError: result.cause instanceof Error,
          message: (result.cause as Error).message,
          code: (result.cause as NodeJS.ErrnoException).code,
        },
      }
    : result;

describe('remoteGit', () => {
  it.each([
    ['ok, with bytes', repo, ['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/tags']],
    ['said-no', repo, ['rev-parse', '--verify', '--quiet', 'refs/tags/v9.9.9^{commit}']],
    ['unavailable, with its cause', scratch, ['rev-parse', 'HEAD']],
  ])('%s: the same answer as in this process', async (_, cwd, args) => {
    const [remote, local] = await Promise.all([remoteGit(cwd, args), localGit(cwd, args)]);
    expect(readable(remote)).toEqual(readable(local));
    if (remote.kind === 'ok') expect(Buffer.isBuffer(remote.bytes)).toBe(true);
  });

  it("runs under this process's environment of the moment", async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const result = await remoteGit(repo, ['rev-parse', 'HEAD']);
      expect(result).toMatchObject({
        kind: 'unavailable',
        reason: 'git is not installed or not on PATH',
      });
    } finally {
      process.env.PATH = path;
    }
    expect((await remoteGit(repo, ['rev-parse', 'HEAD'])).kind).toBe('ok');
  });
});
