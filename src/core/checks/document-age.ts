// How old a document is, from git history, or why that cannot be known honestly. A shallow clone
// cuts history: its boundary commit looks like it added every file, so a file unchanged for years
// looks as new as that commit. A partial clone may miss the objects history needs. Either way the
// age is unknown (the check is pending, with the fix), never a pass.

import type { GitEvidence } from '../evidence.js';

const DAY_MS = 86_400_000;

/** The fix for every history fact a clone cannot give. */
export const FULL_HISTORY_FIX =
  'check out with full history: `fetch-depth: 0` on actions/checkout (locally: `git fetch --unshallow`; for a partial clone: a clone without `--filter`)';

/** What git history says about one path's age. */
export type DocumentAge =
  | { kind: 'fresh'; ageDays: number; last: string }
  | { kind: 'stale'; ageDays: number; last: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'unavailable'; reason: string };

/** Judges the age of `path` against `maxAgeDays` at `now` (ISO). */
export function judgeDocumentAge(
  git: GitEvidence,
  path: string,
  maxAgeDays: number,
  now: string,
): DocumentAge {
  if (git.kind !== 'ok') return { kind: 'unavailable', reason: git.reason };
  if (git.partial)
    return {
      kind: 'unknown',
      reason: `this is a partial clone, so its history cannot show when it last changed; ${FULL_HISTORY_FIX}`,
    };
  if (git.shallow && (git.historyCut === undefined || git.historyCut.includes(path)))
    return {
      kind: 'unknown',
      reason: `this is a shallow clone and its history stops before the last change, so its age cannot be shown (max ${maxAgeDays} days); ${FULL_HISTORY_FIX}`,
    };
  const last = git.lastCommit[path];
  if (!last)
    return {
      kind: 'unavailable',
      reason: `has never been committed, so its age cannot be shown (max ${maxAgeDays} days)`,
    };
  const ageDays = (Date.parse(now) - Date.parse(last)) / DAY_MS;
  return ageDays > maxAgeDays ? { kind: 'stale', ageDays, last } : { kind: 'fresh', ageDays, last };
}
