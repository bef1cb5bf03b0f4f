// The sticky PR comment (SPEC §5): after any run exactly one marker comment per gate and PR, showing
// the newest judged commit's verdict. The plan (core/github/sticky-comment-plan.ts) decides; this
// file lists every page, applies the plan, creates at most once (after a 5xx on create it looks
// again first), and after creating re-lists and re-plans once so a concurrent run's copy goes.

import type { GitHubClient } from './octokit.js';
import type { Repository } from './check-run.js';
import { createOnce, NO_AUTOMATIC_RETRY } from './create-once.js';
import { answerId, answerList, answerObject, answerString } from './answer-shape.js';
import {
  planStickyComment,
  type ListedComment,
  type StickyCommentPlan,
} from '../../core/github/sticky-comment-plan.js';

/**
 * What happened to the comment. `skipped` says why this run left it to a newer commit's run; the
 * id and url are the comment on the PR, null only when skipped and no comment of ours exists.
 */
export interface CommentOutcome {
  id: number | null;
  url: string | null;
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  skipped?: string;
}

export interface StickyTarget {
  issueNumber: number;
  marker: string;
  body: string;
  /** The commit this run judged; `currentHead` the PR's head now (null when unknown). */
  judged: string;
  currentHead: string | null;
  /** Our login, or null when it cannot be learnt before creating (the created author tells). */
  identity: string | null;
}

type Listed = ListedComment & { url: string };

/**
 * Applies the sticky-comment plan on one PR. Throws Octokit's RequestError, and an Error if a plan
 * keeps a comment that is not in the list it was made from (a broken invariant).
 */
export async function syncStickyComment(
  client: GitHubClient,
  repository: Repository,
  target: StickyTarget,
): Promise<CommentOutcome> {
  const first = await listComments(client, repository, target.issueNumber);
  const plan = planStickyComment({ ...target, comments: first });
  await removeAll(client, repository, plan.remove);
  if (!plan.create) return applyKept(client, repository, target, plan, first);
  const created = await createOnce(
    async () => {
      const { data } = await client.rest.issues.createComment({
        ...repository,
        issue_number: target.issueNumber,
        body: target.body,
        ...NO_AUTOMATIC_RETRY,
      });
      const { id, url, author } = readComment(data, `the new comment on #${target.issueNumber}`);
      return { id, url, author };
    },
    async () => {
      const found = (await listComments(client, repository, target.issueNumber)).find(
        (c) => c.body === target.body && (target.identity === null || c.author === target.identity),
      );
      return found && { id: found.id, url: found.url, author: found.author };
    },
  );
  // A concurrent run may have created its own copy meanwhile: plan once more, as the author we are.
  const again = await listComments(client, repository, target.issueNumber);
  const replan = planStickyComment({
    ...target,
    identity: created.author ?? target.identity,
    comments: again,
  });
  await removeAll(client, repository, replan.remove);
  // Not listed yet (the list lags the create): ours is the comment.
  if (replan.create) return { id: created.id, url: created.url, action: 'created' };
  const kept = await applyKept(client, repository, target, replan, again);
  return kept.id === created.id ? { ...kept, action: 'created' } : kept;
}

async function applyKept(
  client: GitHubClient,
  repository: Repository,
  target: StickyTarget,
  plan: StickyCommentPlan,
  comments: readonly Listed[],
): Promise<CommentOutcome> {
  const kept = comments.find((c) => c.id === plan.keep);
  if (plan.skip)
    return { id: kept?.id ?? null, url: kept?.url ?? null, action: 'skipped', skipped: plan.skip };
  if (!kept)
    throw new Error(`the sticky-comment plan kept comment ${plan.keep}, which is not listed`);
  if (!plan.edit) return { id: kept.id, url: kept.url, action: 'unchanged' };
  const { data } = await client.rest.issues.updateComment({
    ...repository,
    comment_id: kept.id,
    body: target.body,
  });
  const { id, url } = readComment(data, `the edit of comment ${kept.id}`);
  return { id, url, action: 'updated' };
}

async function removeAll(
  client: GitHubClient,
  repository: Repository,
  ids: number[],
): Promise<void> {
  for (const id of ids) {
    await client.rest.issues
      .deleteComment({ ...repository, comment_id: id })
      .catch((error: unknown) => {
        // Already gone (the other run deleted it): the goal is reached.
        if ((error as { status?: number }).status !== 404) throw error;
      });
  }
}

/** Every comment on the issue, all pages, oldest first. */
async function listComments(
  client: GitHubClient,
  repository: Repository,
  issueNumber: number,
): Promise<Listed[]> {
  const all: Listed[] = [];
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    ...repository,
    issue_number: issueNumber,
    per_page: 100,
  }))
    for (const listed of answerList(page.data, `the comments of #${issueNumber}`))
      all.push(readComment(listed, `the comments of #${issueNumber}`));
  return all;
}

/**
 * One comment as GitHub answers it (listed, created or edited); throws UnexpectedAnswerError
 * naming `what` when it has no id, URL or author login (an author of `null`: a deleted account).
 */
function readComment(data: unknown, what: string): Listed {
  const comment = answerObject(data, what);
  const user = comment.user === null ? null : answerObject(comment.user, what);
  return {
    id: answerId(comment, 'id', what),
    author: user === null ? null : answerString(user, 'login', what),
    body: typeof comment.body === 'string' ? comment.body : '',
    url: answerString(comment, 'html_url', what),
  };
}
