// The sticky PR comment: found by its hidden marker among our own comments across every page
// (a marker quoted in someone else's comment is ignored), edited in place, left alone when
// unchanged, and created at most once (after a 5xx on create it is looked up again first).

import type { GitHubClient } from './octokit.js';
import type { Repository } from './check-run.js';
import { createOnce, NO_AUTOMATIC_RETRY } from './create-once.js';
import { hasCommentMarker } from '../../core/render/github/comment.js';

/** What happened to the comment. */
export interface CommentOutcome {
  id: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged';
}

interface Target {
  issueNumber: number;
  marker: string;
  author: string;
}

/**
 * Creates or updates our comment on the PR. `author` is our login (e.g. github-actions[bot]).
 * Throws Octokit's RequestError.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  repository: Repository,
  request: Target & { body: string },
): Promise<CommentOutcome> {
  const ours = await findOurComment(client, repository, request);
  if (!ours) {
    return createOnce(
      async () => {
        const { data } = await client.rest.issues.createComment({
          ...repository,
          issue_number: request.issueNumber,
          body: request.body,
          ...NO_AUTOMATIC_RETRY,
        });
        return { id: data.id, url: data.html_url, action: 'created' as const };
      },
      async () => {
        const found = await findOurComment(client, repository, request);
        return found && { id: found.id, url: found.html_url, action: 'created' as const };
      },
    );
  }
  if (ours.body === request.body) return { id: ours.id, url: ours.html_url, action: 'unchanged' };
  const { data } = await client.rest.issues.updateComment({
    ...repository,
    comment_id: ours.id,
    body: request.body,
  });
  return { id: data.id, url: data.html_url, action: 'updated' };
}

/** Our latest comment carrying the marker, on any page. */
async function findOurComment(
  client: GitHubClient,
  repository: Repository,
  target: Target,
): Promise<{ id: number; html_url: string; body?: string } | undefined> {
  let ours: { id: number; html_url: string; body?: string } | undefined;
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    ...repository,
    issue_number: target.issueNumber,
    per_page: 100,
  })) {
    for (const comment of page.data) {
      if (comment.user?.login === target.author && hasCommentMarker(comment.body, target.marker))
        ours = comment;
    }
  }
  return ours;
}
