// headSha reads HEAD from a repository's files: it must say what `git rev-parse HEAD` says on a
// branch, detached, with packed refs and from a subdirectory, and ask git where it cannot read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { git } from '../action/git-workspace.js';
import { headSha } from './git-head.js';

const root = mkdtempSync(join(tmpdir(), 'cc-git-head-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const repo = join(root, 'repo');
mkdirSync(join(repo, 'sub'), { recursive: true });
const revParse = (cwd: string) => git(cwd, 'rev-parse', 'HEAD');
git(repo, 'init', '-q', '-b', 'main');
writeFileSync(join(repo, 'a'), '1');
git(repo, 'add', '-A');
git(repo, 'commit', '-qm', 'one');
const first = revParse(repo);
git(repo, 'commit', '-qm', 'two', '--allow-empty');

it('reads a branch HEAD, from the root and from a subdirectory', () => {
  expect(headSha(repo)).toBe(revParse(repo));
  expect(headSha(join(repo, 'sub'))).toBe(revParse(repo));
  expect(headSha(repo)).not.toBe(first);
});

it('reads a detached HEAD and a branch whose ref is only in packed-refs', () => {
  git(repo, 'checkout', '-q', '--detach', first);
  expect(headSha(repo)).toBe(first);
  git(repo, 'checkout', '-q', 'main');
  git(repo, 'pack-refs', '--all', '--prune');
  expect(headSha(repo)).toBe(revParse(repo));
});

it('asks git for a linked worktree (a .git file) and fails where git fails', () => {
  const linked = join(root, 'linked');
  git(repo, 'worktree', 'add', '-q', '--detach', linked, first);
  expect(headSha(linked)).toBe(first);
  const bare = mkdtempSync(join(tmpdir(), 'cc-git-head-none-'));
  try {
    expect(() => headSha(bare)).toThrow();
  } finally {
    rmSync(bare, { recursive: true, force: true });
  }
});
