// The tests' in-process git writer (git-commit.ts) against git itself: the same files, identity and
// time give the same commit sha (so the same trees, blobs and modes), and what it writes is a
// repository git reads as clean and sound.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, tagLightweight, TEST_IDENTITY } from './git-commit.js';
import { execFileSync } from './shell-sync.js';

const scratch = mkdtempSync(join(tmpdir(), 'cc-git-commit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const WHEN = { seconds: 1_767_225_600, offset: '+0000' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: TEST_IDENTITY.name,
      GIT_AUTHOR_EMAIL: TEST_IDENTITY.email,
      GIT_COMMITTER_NAME: TEST_IDENTITY.name,
      GIT_COMMITTER_EMAIL: TEST_IDENTITY.email,
      GIT_AUTHOR_DATE: `${WHEN.seconds} ${WHEN.offset}`,
      GIT_COMMITTER_DATE: `${WHEN.seconds} ${WHEN.offset}`,
    },
  }).trim();
}

/** Two fresh directories holding `files` (text, or `{link}` for a symlink, `{exec}` for +x). */
function twins(name: string, files: Record<string, string | { link: string } | { exec: string }>) {
  const dirs = [join(scratch, `${name}-git`), join(scratch, `${name}-ours`)];
  for (const dir of dirs) write(dir, files);
  return dirs as [string, string];
}

function write(dir: string, files: Record<string, string | { link: string } | { exec: string }>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    if (typeof content === 'string') writeFileSync(join(dir, path), content);
    else if ('link' in content) symlinkSync(content.link, join(dir, path));
    else {
      writeFileSync(join(dir, path), content.exec);
      chmodSync(join(dir, path), 0o755);
    }
  }
}

/** What git says of the writer's repository: nothing to commit, nothing unsound. */
function expectClean(dir: string): void {
  expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  expect(git(dir, 'fsck', '--strict', '--no-dangling')).toBe('');
}

describe('commitAll', () => {
  // Names whose order differs between a tree (a directory sorts as if it ended in '/') and the
  // index (plain bytes): 'a.b' < 'a/' < 'a0' in a tree, 'a-b' < 'a.b' < 'a/b' < 'a0' in both.
  const FILES = {
    'README.md': '# x\n',
    'a/b': 'in a directory\n',
    'a.b': 'dot\n',
    'a-b': 'dash\n',
    a0: 'zero\n',
    'docs/deep/nested/file.md': 'deep\n',
    'docs/é 😀.md': 'unicode and a space\n',
    'scripts/run.sh': { exec: '#!/bin/sh\necho run\n' },
    'link.md': { link: 'README.md' },
    'empty.txt': '',
  };

  it('makes the commit git makes of the same files, and git finds the result clean and sound', () => {
    const [theirs, ours] = twins('first', FILES);
    mkdirSync(join(ours, 'no-files-here'));
    git(theirs, 'init', '-q', '-b', 'main');
    git(theirs, 'add', '-A');
    git(theirs, 'commit', '-qm', 'first');
    const sha = commitAll(ours, { message: 'first', identity: TEST_IDENTITY, when: WHEN });
    expect(sha).toBe(git(theirs, 'rev-parse', 'HEAD'));
    expect(git(ours, 'rev-parse', 'HEAD')).toBe(sha);
    expect(git(ours, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expectClean(ours);
  });

  it('commits on top of HEAD: changes, deletions and new files, as git add -A does', () => {
    const [theirs, ours] = twins('second', FILES);
    git(theirs, 'init', '-q', '-b', 'trunk');
    git(theirs, 'add', '-A');
    git(theirs, 'commit', '-qm', 'one');
    commitAll(ours, { message: 'one', identity: TEST_IDENTITY, when: WHEN, branch: 'trunk' });
    for (const dir of [theirs, ours]) {
      write(dir, { 'README.md': '# changed\n', 'new/file.md': 'new\n' });
      unlinkSync(join(dir, 'a.b'));
      chmodSync(join(dir, 'scripts/run.sh'), 0o644);
    }
    git(theirs, 'add', '-A');
    git(theirs, 'commit', '-qm', 'two');
    const sha = commitAll(ours, { message: 'two', identity: TEST_IDENTITY, when: WHEN });
    expect(sha).toBe(git(theirs, 'rev-parse', 'HEAD'));
    expect(git(ours, 'rev-parse', 'HEAD~1')).toBe(git(theirs, 'rev-parse', 'HEAD~1'));
    expectClean(ours);
    tagLightweight(ours, 'v1.0.0');
    tagLightweight(ours, 'v0.9.0', git(ours, 'rev-parse', 'HEAD~1'));
    expect(git(ours, 'tag', '--list', '--format=%(refname:short) %(objectname)')).toBe(
      `v0.9.0 ${git(theirs, 'rev-parse', 'HEAD~1')}\nv1.0.0 ${sha}`,
    );
  });

  it.each([
    ['.gitignore', { '.gitignore': 'dist/\n' }],
    ['.gitattributes', { 'docs/.gitattributes': '* text=auto\n' }],
    ['a nested repository', { 'vendor/lib/.git/HEAD': 'ref: refs/heads/main\n' }],
    ['a .git part in another case (git add refuses it)', { '.GIT/x': 'x\n' }],
    ['a nested .Git part', { 'sub/.Git/config': 'x\n' }],
  ])('refuses what it does not model: %s', (_what, files) => {
    const dir = join(mkdtempSync(join(scratch, 'refused-')), 'repo');
    write(dir, { 'README.md': '# x\n', ...files });
    expect(() => commitAll(dir, { message: 'x', identity: TEST_IDENTITY })).toThrow(/not modelled/);
  });

  it('refuses a name that is not UTF-8, and a message git would clean up', () => {
    const dir = join(mkdtempSync(join(scratch, 'refused-')), 'repo');
    write(dir, { 'README.md': '# x\n' });
    for (const message of ['line\n', 'a\n\n\nb  ', ' x', ''])
      expect(() => commitAll(dir, { message, identity: TEST_IDENTITY })).toThrow(/not modelled/);
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0x66, 0xff])]), 'x\n');
    expect(() => commitAll(dir, { message: 'x', identity: TEST_IDENTITY })).toThrow(
      /not UTF-8 .* not modelled/,
    );
  });

  it('commits nothing when there is nothing, or nothing changed, as git does', () => {
    const dir = join(mkdtempSync(join(scratch, 'nothing-')), 'repo');
    mkdirSync(join(dir, 'empty', 'dirs'), { recursive: true });
    expect(() => commitAll(dir, { message: 'x', identity: TEST_IDENTITY })).toThrow(
      /nothing to commit/,
    );
    write(dir, { 'README.md': '# x\n' });
    commitAll(dir, { message: 'one', identity: TEST_IDENTITY, when: WHEN });
    expect(() => commitAll(dir, { message: 'two', identity: TEST_IDENTITY })).toThrow(
      /nothing to commit/,
    );
  });
});
