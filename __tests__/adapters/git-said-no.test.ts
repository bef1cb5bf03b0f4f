// Git saying "no" is an answer; git failing is not. The git runner keeps the two apart, and its
// callers read a failure as unknown (fail closed), never as "no such tag", "file deleted at the
// trusted ref" or "not an ancestor".
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { git, type GitResult } from '../../src/adapters/git-exec.js';
import { createGit } from '../../src/adapters/git.js';
import { NOT_AN_OBJECT, SILENT_EXIT_1 } from '../../src/adapters/git-no.js';
import { createTrustedRefFacts } from '../../src/adapters/trusted-ref.js';
import { git as gitIn } from '../action/git-workspace.js';
import { execFileSync } from '../support/shell-sync.js';

const dirs: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const repo = temp('cc-git-no-');
const run = (args: string[]) => gitIn(repo, ...args);
run(['init', '-q', '-b', 'main']);
writeFileSync(join(repo, 'a.txt'), 'a\n');
run(['add', '.']);
run(['commit', '-qm', 'one']);
const first = run(['rev-parse', 'HEAD']);
run(['commit', '-q', '--allow-empty', '-m', 'two']);
const second = run(['rev-parse', 'HEAD']);

/** A PATH whose only `git` is this shell script (the real one is not reachable). */
const realPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = realPath;
});
function fakeGit(script: string): void {
  const dir = temp('cc-fake-git-');
  writeFileSync(join(dir, 'git'), `#!/bin/sh\n${script}\n`);
  chmodSync(join(dir, 'git'), 0o755);
  process.env.PATH = dir;
}

describe('git runner: said no vs failed', () => {
  it('an unknown revision is git saying no (exit 128), not a failure', async () => {
    const result = await git(repo, ['cat-file', '-e', 'no-such-ref^{commit}'], NOT_AN_OBJECT);
    expect(result).toMatchObject({ kind: 'said-no', exitCode: 128 });
  });

  it('--is-ancestor false is exit 1, said no', async () => {
    const result = await git(repo, ['merge-base', '--is-ancestor', second, first], SILENT_EXIT_1);
    expect(result).toMatchObject({ kind: 'said-no', exitCode: 1 });
  });

  it('outside a repository git fails, with the directory in the reason', async () => {
    const outside = temp('cc-not-repo-');
    const result = await git(outside, ['rev-parse', '--git-dir']);
    expect(result.kind).toBe('unavailable');
    // git's own words end differently where its search stops at a mount point (a tmpfs TMPDIR).
    const reason = result.kind === 'unavailable' ? result.reason : '';
    expect(reason).toMatch(
      /^.* is not a git repository \(fatal: not a git repository \(or any .*\)$/,
    );
    expect(reason.startsWith(`${outside} is not a git repository (fatal: `)).toBe(true);
  });

  it('git not on PATH fails', async () => {
    process.env.PATH = temp('cc-empty-path-');
    expect(await git(repo, ['status'])).toMatchObject({
      kind: 'unavailable',
      reason: 'git is not installed or not on PATH',
    });
  });

  it('a git killed by a signal fails, naming the signal, with the error as cause', async () => {
    fakeGit('kill -9 $$');
    const result = await git(repo, ['log']);
    expect(result).toMatchObject({
      kind: 'unavailable',
      reason: 'git log was killed (SIGKILL)',
    });
    expect(result.kind === 'unavailable' && result.cause).toBeInstanceOf(Error);
  });

  it('an exit code git never uses for "no" (a crash, a usage error) fails', async () => {
    fakeGit('echo "BUG: something broke" >&2; exit 134');
    expect(await git(repo, ['show', 'HEAD:a.txt'])).toMatchObject({
      kind: 'unavailable',
      reason: 'git show failed (exit 134: BUG: something broke)',
    });
  });

  it('refusing a repository of another owner is a failure, not a "no"', async () => {
    fakeGit('echo "fatal: detected dubious ownership in repository at \'/x\'" >&2; exit 128');
    expect((await git(repo, ['cat-file', '-e', 'HEAD'])).kind).toBe('unavailable');
  });
});

/** A git port whose git fails (as a timeout would) for the subcommands named. */
function gitFailing(...subcommands: string[]) {
  return createGit(repo, async (cwd, args, no): Promise<GitResult> => {
    if (subcommands.includes(args[0]!))
      return {
        kind: 'unavailable',
        reason: `git ${args[0]} did not answer within 15 s`,
        stderr: '',
      };
    return git(cwd, args, no);
  });
}

describe('callers read a failed git as unknown', () => {
  it('readFileAt: a path the ref lacks is missing; a git that failed is unavailable', async () => {
    expect(await createGit(repo).readFileAt(first, 'gone.yml')).toEqual({
      kind: 'missing',
      path: 'gone.yml',
    });
    expect(await gitFailing('show').readFileAt(first, 'a.txt')).toEqual({
      kind: 'unavailable',
      path: 'a.txt',
      reason: `git cannot read a.txt at ${first}: git show did not answer within 15 s`,
    });
  });

  it('readFileAt: a ref git does not know is not in the clone; a failed probe says so', async () => {
    const absent = await createGit(repo).readFileAt('f'.repeat(40), 'a.txt');
    expect(absent.kind === 'unavailable' && absent.reason).toMatch(/not in this clone/);
    const failed = await gitFailing('cat-file').readFileAt(first, 'a.txt');
    expect(failed.kind === 'unavailable' && failed.reason).toMatch(/did not answer/);
  });

  it('inspect: tags git could not list are unknown, not absent', async () => {
    const evidence = await gitFailing('for-each-ref').inspect({ tags: ['v1'], paths: [] });
    expect(evidence).toMatchObject({ kind: 'unavailable', reason: /could not read the tags/ });
    expect(await createGit(repo).inspect({ tags: ['v1'], paths: [] })).toMatchObject({
      kind: 'ok',
      tags: { v1: null },
    });
  });

  it('inspect: a history git could not walk is unknown, not "never committed"', async () => {
    const evidence = await gitFailing('log').inspect({ tags: [], paths: ['a.txt'] });
    expect(evidence).toMatchObject({ kind: 'unavailable', reason: /history of the documents/ });
  });

  it('modifiedFiles and changedPaths cannot say when git fails', async () => {
    expect(await gitFailing('status').modifiedFiles()).toMatchObject({
      kind: 'unavailable',
      reason: 'git status did not answer within 15 s',
    });
    expect(await createGit(repo).modifiedFiles()).toEqual({ kind: 'ok', value: [] });
    const changed = await gitFailing('diff').changedPaths(first);
    expect(changed.kind).toBe('unavailable');
  });

  it('isAncestor: exit 1 is false; an unknown commit or a failed git cannot say, and why', async () => {
    const facts = createTrustedRefFacts(repo, { ref: null, sha: '' });
    expect(await facts.isAncestor(first, second)).toEqual({ kind: 'ok', value: true });
    expect(await facts.isAncestor(second, first)).toEqual({ kind: 'ok', value: false });
    expect(await facts.isAncestor('e'.repeat(40), first)).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringMatching(/^git merge-base failed \(exit 128: fatal: /),
    });
    fakeGit('kill -9 $$');
    expect(await facts.isAncestor(second, first)).toMatchObject({
      kind: 'unavailable',
      reason: 'git merge-base was killed (SIGKILL)',
    });
  });

  it('a pack directory git cannot list counts as a partial clone (history not trusted)', async () => {
    const odd = temp('cc-odd-pack-');
    const at = (args: string[]) => gitIn(odd, ...args);
    at(['init', '-q']);
    at(['commit', '-q', '--allow-empty', '-m', 'one']);
    rmSync(join(odd, '.git', 'objects', 'pack'), { recursive: true });
    writeFileSync(join(odd, '.git', 'objects', 'pack'), 'not a directory\n');
    expect(await createGit(odd).inspect({ tags: [], paths: [] })).toMatchObject({
      kind: 'ok',
      partial: true,
    });
    rmSync(join(odd, '.git', 'objects', 'pack'));
    expect(await createGit(odd).inspect({ tags: [], paths: [] })).toMatchObject({
      kind: 'ok',
      partial: false,
    });
  });
});

describe('the repository probe', () => {
  it('reads HEAD from its last line when the git directory’s path spans lines', async () => {
    // A git directory whose name holds a newline and then 40 hex digits: the probe prints the
    // path as is, so a fixed line number would take the digits for HEAD.
    const fake = '0123456789abcdef0123456789abcdef01234567';
    const work = join(temp('cc-git-nl-'), 'work');
    const gitDir = join(temp('cc-git-nl-dir-'), `x\n${fake}`);
    execFileSync('git', ['init', '-q', '-b', 'main', `--separate-git-dir=${gitDir}`, work]);
    gitIn(work, 'commit', '-q', '--allow-empty', '-m', 'x');
    const real = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: work }).toString().trim();
    const port = createGit(work);
    expect(await port.headCommit()).toMatchObject({ kind: 'ok', value: { sha: real } });
    expect(await port.inspect({ tags: [], paths: [] })).toMatchObject({ kind: 'ok', head: real });
  });
});
