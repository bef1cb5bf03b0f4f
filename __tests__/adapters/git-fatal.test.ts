// git exits 128 for every fatal error, not only for "no such path or revision". Against real
// repositories that cannot give an answer (a partial clone's objects it may not fetch, a corrupt
// object), the git port says it cannot, in git's words: a trusted file is never "missing", a tag
// never absent, a document never "never committed" because git failed to read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGit } from '../../src/adapters/git.js';
import { lastChanges } from '../../src/adapters/git-facts.js';
import { SILENT_EXIT_1 } from '../../src/adapters/git-no.js';
import { shellGit } from '../support/shell-launcher.js';
import { git } from '../action/git-workspace.js';
import { execFileSync } from '../support/shell-sync.js';

const root = mkdtempSync(join(tmpdir(), 'cc-git-fatal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Deletes a loose object, as a disk error or a broken copy would. */
const lose = (repo: string, oid: string) =>
  rmSync(join(repo, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));

// origin: gate.yml changes between two commits (the clone checks out the second only).
const origin = join(root, 'origin');
execFileSync('git', ['init', '-q', '-b', 'main', origin]);
writeFileSync(join(origin, 'gate.yml'), 'version: 1\n');
git(origin, 'add', '.');
git(origin, 'commit', '-qm', 'one');
const trusted = git(origin, 'rev-parse', 'HEAD');
writeFileSync(join(origin, 'gate.yml'), 'version: 2\n');
git(origin, 'commit', '-qam', 'two');
git(origin, 'config', 'uploadpack.allowFilter', 'true');
const clone = (name: string, filter: string) => {
  const dir = join(root, name);
  execFileSync('git', ['clone', '-q', `--filter=${filter}`, `file://${origin}`, dir]);
  return dir;
};

describe('a partial clone (the runner sets GIT_NO_LAZY_FETCH)', () => {
  const blobless = clone('blobless', 'blob:none');

  it('readFileAt: a blob not fetched is unavailable with git’s reason, not missing', async () => {
    const read = await createGit(blobless, shellGit).readFileAt(trusted, 'gate.yml');
    expect(read).toEqual({
      kind: 'unavailable',
      path: 'gate.yml',
      reason: expect.stringMatching(
        new RegExp(
          `^git cannot read gate.yml at ${trusted}: git show failed \\(exit 128: fatal: could not fetch [0-9a-f]{40} from promisor remote\\)$`,
        ),
      ) as unknown,
    });
  });

  it('readFileAt: a path the trusted commit lacks is still missing', async () => {
    expect(await createGit(blobless, shellGit).readFileAt(trusted, 'gone.yml')).toEqual({
      kind: 'missing',
      path: 'gone.yml',
    });
  });

  it('lastChanges: a history whose trees were not fetched is unavailable, not "no history"', async () => {
    const treeless = clone('treeless', 'tree:0');
    const history = await lastChanges(treeless, ['gate.yml'], shellGit);
    expect(history).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringMatching(
        /^git log failed \(exit 128: fatal: could not fetch [0-9a-f]{40} from promisor remote\)$/,
      ) as unknown,
    });
  });
});

describe('a corrupt repository', () => {
  it('readFileAt: a file under a tree git cannot read is unavailable, not missing', async () => {
    const repo = join(root, 'corrupt-tree');
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    await mkdir(join(repo, 'policy'));
    writeFileSync(join(repo, 'policy', 'gate.yml'), 'x\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'one');
    const head = git(repo, 'rev-parse', 'HEAD');
    lose(repo, git(repo, 'rev-parse', 'HEAD:policy'));
    // git show says "path 'policy/gate.yml' exists on disk, but not in <head>" here.
    expect(await createGit(repo, shellGit).readFileAt(head, 'policy/gate.yml')).toEqual({
      kind: 'unavailable',
      path: 'policy/gate.yml',
      reason: expect.stringMatching(
        /^git cannot read .* git ls-tree failed \(exit 1: error: Could not read [0-9a-f]{40}\)$/,
      ) as unknown,
    });
    expect(await createGit(repo, shellGit).readFileAt(head, 'gone.yml')).toMatchObject({
      kind: 'missing',
    });
  });

  it('inspect: a history git cannot walk names git’s reason; lastCommit is never null for it', async () => {
    const repo = join(root, 'corrupt-history');
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    writeFileSync(join(repo, 'a.md'), 'a\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'one');
    lose(repo, git(repo, 'rev-parse', 'HEAD^{tree}'));
    expect(await createGit(repo, shellGit).inspect({ tags: [], paths: ['a.md'] })).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(
        /^git could not read the history of the documents of .*: git log failed \(exit 128: fatal: unable to read tree [0-9a-f]{40}\)$/,
      ) as unknown,
    });
  });

  it('tags: a tag git cannot peel or list is unavailable with git’s reason, never absent', async () => {
    const repo = join(root, 'corrupt-tags');
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'one');
    git(repo, 'tag', '-a', '-m', 'inner', 'inner');
    git(repo, 'tag', '-a', '-m', 'middle', 'middle', 'inner');
    git(repo, 'tag', '-a', '-m', 'outer', 'v1', 'middle');
    git(repo, 'tag', '-a', '-m', 'tree', 'tree-tag', 'HEAD^{tree}');
    git(repo, 'tag', '-a', '-m', 'of a tree tag', 'v2', 'tree-tag');
    const port = createGit(repo, shellGit);
    // A nested tag that peels to a tree is git's "no": the tag names no commit.
    expect(await port.inspect({ tags: ['v1', 'v2'], paths: [] })).toMatchObject({
      kind: 'ok',
      tags: { v1: git(repo, 'rev-parse', 'HEAD'), v2: null },
    });
    // v1 -> middle -> (inner, missing): for-each-ref reads one level, the peel finds nothing.
    const inner = git(repo, 'rev-parse', 'inner');
    git(repo, 'tag', '-d', 'inner', 'middle');
    lose(repo, inner);
    expect(await port.inspect({ tags: ['v1'], paths: [] })).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(
        /^git could not read the tags of .*: git cannot peel the tag v1 to a commit: git rev-parse failed \(exit 1\)$/,
      ) as unknown,
    });
    // A listed tag whose object is gone: for-each-ref itself fails, naming it.
    git(repo, 'tag', '-d', 'v1');
    lose(repo, git(repo, 'rev-parse', 'tree-tag'));
    expect(await port.inspect({ tags: ['v2'], paths: [] })).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(
        /^git could not read the tags of .*: git for-each-ref failed \(exit 128: fatal: missing object [0-9a-f]{40} for refs\/tags\/tree-tag\)$/,
      ) as unknown,
    });
  });
});

describe('the runner', () => {
  it('exit 128 is "no" only for a question that says so, with its words', async () => {
    const args = ['cat-file', '-e', 'no-such-ref^{commit}'];
    expect(await shellGit(origin, args)).toMatchObject({
      kind: 'unavailable',
      reason: 'git cat-file failed (exit 128: fatal: Not a valid object name no-such-ref^{commit})',
    });
    expect(await shellGit(origin, ['merge-base', '--is-ancestor', 'HEAD', trusted])).toMatchObject({
      kind: 'unavailable',
    });
    expect(
      await shellGit(origin, ['merge-base', '--is-ancestor', 'HEAD', trusted], SILENT_EXIT_1),
    ).toMatchObject({ kind: 'said-no', exitCode: 1 });
  });
});
