// Batched git reads for `inspect`: every tag in one `for-each-ref`, every file's last change in
// one `log` walk (one process each, however many tags and documents the gate names). A git that
// fails is `unavailable` with its own words, never "no such tag" or "never committed".

import { posix } from 'node:path';
import { couldNot, ok, type CouldNot, type Outcome } from '../core/outcome.js';
import {
  git as runGit,
  whyNot,
  type GitQuestion,
  type GitResult,
  type GitRunner,
} from './git-exec.js';
import { NO_COMMITS_YET, NOT_A_COMMIT } from './git-no.js';

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

/** The one git question behind `readTags` (git-prefetch.ts asks it early); it has no "no". */
export const TAG_LIST: GitQuestion = {
  args: ['for-each-ref', `--format=${TAG_FORMAT}`, 'refs/tags'],
};

/** What `readTags` learns: how many tags, each tag's commit, the wanted tags' facts. */
export interface TagList {
  count: number;
  commits: Record<string, string>;
  facts: Record<string, TagFact>;
}

/**
 * All tag names (for the count) and the facts of the `wanted` ones (absent or not a commit:
 * `{ sha: null, date: null }`). A tag of a tag is peeled by rev-parse the old way. `unavailable`
 * with git's reason when git fails (a tag object it cannot read, a timeout): the tags are unknown.
 */
export async function readTags(
  root: string,
  wanted: string[],
  git: GitRunner = runGit,
): Promise<Outcome<TagList>> {
  const listed = await git(root, [...TAG_LIST.args], TAG_LIST.no);
  if (listed.kind !== 'ok') return failed(listed);
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
      if (peeled.kind !== 'ok') return peeled;
      facts[tag] = peeled.value;
    } else facts[tag] = { sha: null, date: null };
  }
  // Every tag's commit (an annotated tag's target), as the tag-name advice lists them.
  const commits = Object.fromEntries(
    [...byName].map(([name, fields]) => [name, fields[4] || fields[1] || '']),
  );
  return ok({ count: byName.size, commits, facts });
}

/**
 * A listed tag of a tag, peeled to its commit and that commit's date. git's "no" (it peels to a
 * tree or a blob) is `{ sha: null, date: null }`; a tag it cannot peel (a missing object: exit 1
 * with nothing said) or a date it cannot read is `unavailable`.
 */
async function peelNested(root: string, tag: string, git: GitRunner): Promise<Outcome<TagFact>> {
  const sha = await git(
    root,
    ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`],
    NOT_A_COMMIT,
  );
  if (sha.kind === 'said-no') return ok({ sha: null, date: null });
  if (sha.kind !== 'ok') return failed(sha, `git cannot peel the tag ${tag} to a commit`);
  const date = await git(root, ['show', '-s', '--format=%cI', sha.stdout.trim()]);
  if (date.kind !== 'ok') return failed(date);
  return ok({ sha: sha.stdout.trim(), date: date.stdout.trim() || null });
}

/**
 * The newest commit (sha, ISO date) that changed each of `paths` (relative to `root`), from one
 * walk of the history: what `git log -1 -- <path>` says for each, except in merge histories where
 * a side branch's change was dropped by the merge (the batched walk may still see it). Paths with
 * no change found are absent from the map; `unavailable` with git's reason when git could not walk
 * the history (an object it cannot read, a partial clone's tree it may not fetch).
 */
export async function lastChanges(
  root: string,
  paths: string[],
  git: GitRunner = runGit,
): Promise<Outcome<Map<string, { sha: string; date: string }>>> {
  const found = new Map<string, { sha: string; date: string }>();
  if (paths.length === 0) return ok(found);
  // A leading '/' marks a commit line: --relative file names never start with one.
  const log = await git(
    root,
    ['log', '--relative', '--no-renames', '--format=/%H %cI', '--name-only', '-z', '--', ...paths],
    NO_COMMITS_YET,
  );
  // An unborn HEAD (no commit yet) is git's "no history": nothing was ever committed.
  if (log.kind === 'said-no') return ok(found);
  if (log.kind !== 'ok') return failed(log);
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
  return ok(found);
}

/** Why a git that did not answer "yes" cannot say, in its own words (whyNot), after `context`. */
function failed(result: Exclude<GitResult, { kind: 'ok' }>, context?: string): CouldNot {
  const reason = whyNot(result, `git exited ${result.kind === 'said-no' ? result.exitCode : ''}`);
  return couldNot(
    context ? `${context}: ${reason}` : reason,
    result.kind === 'unavailable' ? result.cause : undefined,
  );
}
