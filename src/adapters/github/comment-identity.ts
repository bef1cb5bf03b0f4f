// What the sticky comment needs to know besides the comments: who we are (never guessed from the
// token's prefix), the PR's current head (an older commit's run must not overwrite a newer
// verdict).

import { couldNot, ok, type Outcome } from '../../core/outcome.js';
import { answerObject, answerString } from './answer-shape.js';
import { describeApiError, describeUnreadable } from './api-errors.js';
import type { Repository } from './check-run.js';
import type { GitHubClient } from './octokit.js';

/**
 * Our login from GraphQL (`query { viewer { login } }`), or why GitHub would not say (an
 * installation token may not query `viewer`); a fault that is not GitHub's answer propagates.
 */
export async function learnIdentity(client: GitHubClient): Promise<Outcome<string>> {
  try {
    const answer = await client.graphql<{ viewer?: { login?: unknown } }>(
      'query { viewer { login } }',
    );
    const login = answer.viewer?.login;
    return typeof login === 'string' && login.length > 0
      ? ok(login)
      : couldNot('GraphQL named no viewer login');
  } catch (error) {
    if (describeApiError(error) || (error as { name?: string }).name === 'GraphqlResponseError')
      return couldNot('GraphQL would not say who the viewer is', error);
    throw error;
  }
}

/**
 * The pull request's head sha now, or why GitHub would not say (describeUnreadable); a fault that
 * is not GitHub's answer propagates.
 */
export async function pullRequestHead(
  client: GitHubClient,
  repository: Repository,
  number: number,
): Promise<Outcome<string>> {
  try {
    const { data } = await client.rest.pulls.get({ ...repository, pull_number: number });
    const what = `pull request #${number}`;
    const head = answerObject(answerObject(data, what).head, what);
    return ok(answerString(head, 'sha', what).toLowerCase());
  } catch (error) {
    const why = describeUnreadable(`pull request #${number}`, 'needs `pull-requests: read`', error);
    return couldNot(why, error);
  }
}
