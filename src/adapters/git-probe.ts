// The repository probe `inspect` and `headCommit` share (one rev-parse for the repository's facts
// and HEAD), how its answer is read, and the clone facts read from the git directory on disk.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitQuestion } from './git-exec.js';
import { SILENT_EXIT_1 } from './git-no.js';

/**
 * The first question `inspect` asks: repository facts and HEAD (see git-prefetch.ts). Its "no"
 * (exit 1, nothing said) is a HEAD that names no commit: an unborn branch.
 */
export const GIT_PROBE: GitQuestion = {
  args: [
    'rev-parse',
    '--is-inside-work-tree',
    '--is-shallow-repository',
    '--git-common-dir',
    '--verify',
    '--quiet',
    'HEAD^{commit}',
  ],
  no: SILENT_EXIT_1,
};

/**
 * HEAD's sha from GIT_PROBE's answer: its last line (`--verify` prints it last; the common dir
 * before it may span lines). Null when that line is not a sha (the probe without HEAD).
 */
export function probedHead(stdout: string): string | null {
  const last = stdout.trimEnd().split('\n').at(-1)?.trim() ?? '';
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(last) ? last : null;
}

/**
 * The boundary commits of a shallow clone (git's `shallow` file in the common git dir): commits
 * whose parents were not fetched; a file's last change found at one of them may be older.
 * Unreadable: every commit counts as a boundary.
 */
export async function readShallowBoundary(common: string): Promise<{ has(sha: string): boolean }> {
  try {
    const text = await readFile(join(common, 'shallow'), 'utf8');
    return new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
  } catch {
    return { has: () => true };
  }
}

/**
 * A partial clone keeps a `.promisor` file beside each pack fetched from its promisor remote
 * (read from disk: one process fewer at every start). No pack directory: no packs, not partial;
 * one that cannot be read counts as partial (its history is then not trusted, never assumed whole).
 */
export async function isPartialClone(common: string): Promise<boolean> {
  try {
    return (await readdir(join(common, 'objects', 'pack'))).some((f) => f.endsWith('.promisor'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
