// What to do with the sticky PR comment so that after any run there is exactly one marker comment
// per gate and PR, showing the newest judged commit's verdict (SPEC §5). GitHub has no conditional
// update, so under a race the oldest marker comment of the gate is kept and the others deleted;
// a run judging an older commit than the PR's current head never overwrites the comment.

import type { DecisionRecord } from '../record.js';
import { hasCommentMarker, renderComment } from '../render/github/comment.js';
import { COMMENT_LIMIT } from '../render/github/limits.js';

/** A PR comment as listed by the API (all pages). */
export interface ListedComment {
  id: number;
  /** The author's login, or null for a deleted user. */
  author: string | null;
  body: string;
}

/** The plan: at most one create or edit, plus the duplicates to delete. */
export interface StickyCommentPlan {
  /** Create a new comment (no marker comment of ours exists). */
  create: boolean;
  /** The comment that stays; edit it when `edit` is true. */
  keep: number | null;
  edit: boolean;
  /** Our own older copies of the marker comment to delete (newer ids; the oldest is kept). */
  remove: number[];
  /** Set when this run must leave the comment alone, with why (said once as a notice). */
  skip?: string;
}

/** The hidden line that names the commit a comment's verdict is about. */
export function judgedCommitLine(sha: string): string {
  return `<!-- cutover-checkpoint:commit=${sha} -->`;
}

/**
 * The sticky comment's body for the commit `judgedSha` (40 or 64 hex): the rendered verdict, then
 * the judged commit's short sha shown and its full sha on a hidden line. Those closing lines are
 * counted: the verdict is fitted to GitHub's limit (65,536 characters) minus their length, so the
 * whole body stays within it and the commit is still named when the verdict had to be cut.
 */
export function renderStickyComment(
  record: DecisionRecord,
  checkName: string,
  checksUrl: string | null,
  judgedSha: string,
): string {
  const closing = `\n\nJudged commit: \`${judgedSha.slice(0, 7)}\`\n\n${judgedCommitLine(judgedSha)}\n`;
  const verdict = renderComment(record, checkName, checksUrl, COMMENT_LIMIT - closing.length);
  return `${verdict.trimEnd()}${closing}`;
}

/** The commit named in a comment body by `judgedCommitLine`, or null. */
export function readJudgedCommit(body: string): string | null {
  return (
    /^<!-- cutover-checkpoint:commit=([0-9a-f]{40}|[0-9a-f]{64}) -->$/m.exec(body)?.[1] ?? null
  );
}

/**
 * Plans the comment for one run. `identity` is our login (null when unknown: then nothing can be
 * matched and a new comment is created, whose author tells the identity for the next plan).
 * `judged` is the commit this run judged; `currentHead` the PR's head now (null when unknown).
 */
export function planStickyComment(request: {
  comments: readonly ListedComment[];
  identity: string | null;
  marker: string;
  body: string;
  judged: string;
  currentHead: string | null;
}): StickyCommentPlan {
  const ours = request.comments
    .filter((c) => request.identity !== null && c.author === request.identity)
    .filter((c) => hasCommentMarker(c.body, request.marker))
    .sort((a, b) => a.id - b.id);
  const [oldest, ...newer] = ours;
  const remove = newer.map((c) => c.id);
  if (request.currentHead !== null && request.currentHead !== request.judged) {
    // A newer commit is the PR's head: its run owns the verdict shown. Duplicates still go.
    return {
      create: false,
      keep: oldest?.id ?? null,
      edit: false,
      remove,
      skip: `the pull request's head is now ${request.currentHead.slice(0, 7)}, newer than the judged ${request.judged.slice(0, 7)}: the comment is left to that commit's run`,
    };
  }
  if (!oldest) return { create: true, keep: null, edit: false, remove };
  return { create: false, keep: oldest.id, edit: oldest.body !== request.body, remove };
}
