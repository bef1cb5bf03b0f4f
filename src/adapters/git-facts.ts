// Batched git reads for `inspect`: every tag in one `for-each-ref`, every file's last change in
// one `log` walk (one process each, however many tags and documents the gate names).

import { posix } from 'node:path';
import { git as runGit, type GitRunner } from './git-exec.js';

/** A tag as `refs/tags/<name>^{commit}` reads it: its commit and that commit's ISO date. */
export interface TagFact {
  sha: string | null;
  date: string | null;
}

const TAG_FORMAT = [
  '%(refname:lstrip=2)',
  '%(objecttype)',
  '%(objectname)',
  '%(committerdate:iso-strict)',
  '%(*objecttype)',
  '%(*objectname)',
  '%(*committerdate:iso-strict)',
].join('%00');

/** The one git question behind `readTags` (git-prefetch.ts asks it early). */
export const TAG_LIST: readonly string[] = ['for-each-ref', `--format=${TAG_FORMAT}`, 'refs/tags'];

/**
 * All tag names (for the count) and the facts of the `wanted` ones (absent or not a commit:
 * `{ sha: null, date: null }`). A tag of a tag is peeled by rev-parse the old way. Null when git
 * fails (not when it says a tag is not there): the tags are then unknown.
 */
export async function readTags(
  root: string,
  wanted: string[],
  git: GitRunner = runGit,
): Promise<{
  count: number;
  commits: Record<string, string>;
  facts: Record<string, TagFact>;
} | null> {
  const listed = await git(root, [...TAG_LIST]);
  if (listed.kind !== 'ok') return null;
  const byName = new Map<string, string[]>();
  for (const line of listed.stdout.split('\n').filter(Boolean)) {
    const [name = '', ...fields] = line.split('\0');
    byName.set(name, fields);
  }
  const facts: Record<string, TagFact> = {};
  for (const tag of wanted) {
    const [type, sha, date, peeledType, peeledSha, peeledDate] = byName.get(tag) ?? [];
    if (type === 'commit') facts[tag] = { sha: sha!, date: date || null };
    else if (peeledType === 'commit') facts[tag] = { sha: peeledSha!, date: peeledDate || null };
    else if (peeledType === 'tag') {
      const peeled = await peelNested(root, tag, git);
      if (!peeled) return null;
      facts[tag] = peeled;
    } else facts[tag] = { sha: null, date: null };
  }
  // Every tag's commit (an annotated tag's target), as the tag-name advice lists them.
  const commits = Object.fromEntries(
    [...byName].map(([name, fields]) => [name, fields[4] || fields[1] || '']),
  );
  return { count: byName.size, commits, facts };
}

/** A tag of a tag, peeled to its commit; null when git failed (a "no" is an absent tag). */
async function peelNested(root: string, tag: string, git: GitRunner): Promise<TagFact | null> {
  const sha = await git(root, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]);
  if (sha.kind === 'unavailable') return null;
  if (sha.kind !== 'ok') return { sha: null, date: null };
  const date = await git(root, ['show', '-s', '--format=%cI', sha.stdout.trim()]);
  return { sha: sha.stdout.trim(), date: date.kind === 'ok' ? date.stdout.trim() || null : null };
}

/**
 * The newest commit (sha, ISO date) that changed each of `paths` (relative to `root`), from one
 * walk of the history: what `git log -1 -- <path>` says for each, except in merge histories where
 * a side branch's change was dropped by the merge (the batched walk may still see it). Paths with
 * no change found are absent from the map; null when git could not walk the history.
 */
export async function lastChanges(
  root: string,
  paths: string[],
  git: GitRunner = runGit,
): Promise<Map<string, { sha: string; date: string }> | null> {
  const found = new Map<string, { sha: string; date: string }>();
  if (paths.length === 0) return found;
  // A leading '/' marks a commit line: --relative file names never start with one.
  const log = await git(root, [
    'log',
    '--relative',
    '--no-renames',
    '--format=/%H %cI',
    '--name-only',
    '-z',
    '--',
    ...paths,
  ]);
  // An unborn HEAD (no commit yet) is git's "no history": nothing was ever committed.
  if (log.kind === 'said-no') return found;
  if (log.kind !== 'ok') return null;
  const wanted = new Set(paths.map((p) => posix.normalize(p)));
  const byKey = new Map<string, { sha: string; date: string }>();
  let current: { sha: string; date: string } | undefined;
  for (const raw of log.stdout.split('\0')) {
    const token = raw.replace(/^\n/, '');
    if (token.startsWith('/')) {
      const [sha = '', date = ''] = token.slice(1).split(' ');
      current = { sha, date };
      continue;
    }
    if (current && wanted.has(token) && !byKey.has(token)) byKey.set(token, current);
  }
  for (const path of paths) {
    const change = byKey.get(posix.normalize(path));
    if (change) found.set(path, change);
  }
  return found;
}
