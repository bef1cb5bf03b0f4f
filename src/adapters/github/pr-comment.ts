// The sticky PR comment: found by its hidden marker among our own comments across every page
// (a marker quoted in someone else's comment is ignored), edited in place, left alone when unchanged.

import type { GitHubClient } from './octokit.js';
import type { Repository } from './check-run.js';
import { hasCommentMarker } from '../../core/render/github/comment.js';

/** What happened to the comment. */
export interface CommentOutcome {
  id: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged';
}

/** Creates or updates our comment on the PR. `author` is our login (e.g. github-actions[bot]). */
export async function upsertStickyComment(
  client: GitHubClient,
  repository: Repository,
  request: { issueNumber: number; marker: string; body: string; author: string },
): Promise<CommentOutcome> {
  let ours: { id: number; html_url: string; body?: string } | undefined;
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    ...repository,
    issue_number: request.issueNumber,
    per_page: 100,
  })) {
    for (const comment of page.data) {
      if (comment.user?.login === request.author && hasCommentMarker(comment.body, request.marker))
        ours = comment;
    }
  }
  if (!ours) {
    const { data } = await client.rest.issues.createComment({
      ...repository,
      issue_number: request.issueNumber,
      body: request.body,
    });
    return { id: data.id, url: data.html_url, action: 'created' };
  }
  if (ours.body === request.body) return { id: ours.id, url: ours.html_url, action: 'unchanged' };
  const { data } = await client.rest.issues.updateComment({
    ...repository,
    comment_id: ours.id,
    body: request.body,
  });
  return { id: data.id, url: data.html_url, action: 'updated' };
}
