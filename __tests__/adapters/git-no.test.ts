// Which failures of git are its "no" (git-no.ts): each question's own exit and words, as git 2.39
// prints them with LC_ALL=C; every other fatal error (exit 128 too) is a failure.
import { describe, expect, it } from 'vitest';
import { gitSays } from '../../src/adapters/git-exec.js';
import {
  NO_COMMITS_YET,
  NO_PATH_AT_COMMIT,
  NOT_A_COMMIT,
  NOT_AN_OBJECT,
  saidNo,
  SILENT_EXIT_1,
  type SaysNo,
} from '../../src/adapters/git-no.js';

const sha = '365ed38b353d3712bdc62cef2f0245e61ce0408b';
const lazy = 'warning: lazy fetching disabled; some objects may not be available\n';
/** Fatal errors of git that say nothing about whether the thing asked about exists. */
const failures: [string, number, string][] = [
  ['a partial clone’s blob', 128, `${lazy}fatal: could not fetch ${sha} from promisor remote\n`],
  ['a corrupt object', 128, `fatal: bad object ${sha}\n`],
  ['an unreadable tree', 128, `fatal: unable to read tree ${sha}\n`],
  ['a missing tag object', 128, `fatal: missing object ${sha} for refs/tags/v1\n`],
  [
    'a held lock',
    128,
    "fatal: Unable to create '/r/.git/index.lock': File exists.\n\nAnother git process seems to be running in this repository\n",
  ],
  ['a refused owner', 128, "fatal: detected dubious ownership in repository at '/r'\n"],
  [
    'not a repository',
    128,
    'fatal: not a git repository (or any of the parent directories): .git\n',
  ],
  [
    'a permission error',
    128,
    "fatal: could not open '/r/.git/HEAD' for reading: Permission denied\n",
  ],
  ['a shallow boundary', 128, `fatal: Not a valid commit name ${sha}\n`],
  ['a crash', 134, 'BUG: something broke\n'],
  ['nothing said, exit 128', 128, ''],
];

describe('saidNo', () => {
  it.each<[string, SaysNo, number, string]>([
    ['not an ancestor', SILENT_EXIT_1, 1, ''],
    ['no such revision (--verify --quiet)', SILENT_EXIT_1, 1, ''],
    ['an unknown ref', NOT_AN_OBJECT, 128, 'fatal: Not a valid object name no-such-ref^{commit}\n'],
    ['a sha not fetched', NOT_AN_OBJECT, 128, `fatal: Not a valid object name ${sha}^{commit}\n`],
    [
      'a path the commit lacks',
      NO_PATH_AT_COMMIT,
      128,
      `fatal: path 'gone.yml' does not exist in '${sha}'\n`,
    ],
    [
      'a path the commit lacks, on disk',
      NO_PATH_AT_COMMIT,
      128,
      `fatal: path 'a.txt' exists on disk, but not in '${sha}'\n`,
    ],
    [
      'a tag of a tree',
      NOT_A_COMMIT,
      1,
      'error: refs/tags/trn^{commit}: expected commit type, but the object dereferences to tree type\n',
    ],
    [
      'an unborn branch',
      NO_COMMITS_YET,
      128,
      "fatal: your current branch 'main' does not have any commits yet\n",
    ],
  ])('%s is "no"', (_, no, code, stderr) => {
    expect(saidNo(no, code, stderr)).toBe(true);
  });

  const questions = {
    SILENT_EXIT_1,
    NOT_AN_OBJECT,
    NO_PATH_AT_COMMIT,
    NOT_A_COMMIT,
    NO_COMMITS_YET,
  };
  it.each(failures)('%s is no question’s "no"', (_, code, stderr) => {
    for (const no of Object.values(questions)) expect(saidNo(no, code, stderr)).toBe(false);
  });

  it.each<[string, SaysNo | undefined, number, string]>([
    ['a question without a "no"', undefined, 128, "fatal: path 'x' does not exist in 'HEAD'\n"],
    [
      'the words with the other exit',
      NO_PATH_AT_COMMIT,
      1,
      "fatal: path 'x' does not exist in 'HEAD'\n",
    ],
    ['exit 1 that said something', SILENT_EXIT_1, 1, 'error: something\n'],
    // A subtree git could not read: `show` then says the path is not there.
    [
      'a "no" after an error',
      NO_PATH_AT_COMMIT,
      128,
      `error: Could not read ${sha}\nfatal: path 'd/b.txt' does not exist in '${sha}'\n`,
    ],
    ['a "no" after a warning', NOT_AN_OBJECT, 128, `${lazy}fatal: Not a valid object name x\n`],
    ['another question’s "no"', NOT_AN_OBJECT, 128, "fatal: path 'x' does not exist in 'HEAD'\n"],
    ['an exit 1 with no words (a missing tag object)', NOT_A_COMMIT, 1, ''],
    ['a launch error code', SILENT_EXIT_1, 'ENOENT' as unknown as number, ''],
  ])('%s is not "no"', (_, no, code, stderr) => {
    expect(saidNo(no, code, stderr)).toBe(false);
  });
});

describe('gitSays', () => {
  it.each([
    [
      'the fatal line after a warning',
      `${lazy}fatal: could not fetch x from promisor remote\n`,
      'fatal: could not fetch x from promisor remote',
    ],
    [
      'the first error line',
      'hint: a\nerror: Could not read x\nfatal: y\n',
      'error: Could not read x',
    ],
    ['else the first line', 'something\nelse\n', 'something'],
    ['nothing', '', ''],
  ])('%s', (_, stderr, said) => {
    expect(gitSays(stderr)).toBe(said);
  });
});
