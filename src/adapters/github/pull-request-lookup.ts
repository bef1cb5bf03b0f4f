// The pull requests of a commit when the event names none (a fork's workflow_run arrives with
// `pull_requests: []`): first GitHub's list for the commit, then, when that is empty (it often is
// for a fork's commit), the open pull requests whose head is the fork's `owner:branch`.

import type { CouldNot, Outcome } from '../../core/outcome.js';
import type { Repository } from './check-run.js';
import type { GitHubClient } from './octokit.js';

/** Runs one request as the publisher does: GitHub's "no" is an Outcome it has already reported. */
export type Attempt = <T>(
  what: string,
  permission: string,
  action: () => Promise<T>,
) => Promise<Outcome<T>>;

/**
 * What was found: PR numbers, none (with what was looked up, for the notice), or why a request
 * could not say (the `attempt`'s answer, already reported).
 */
export type PullRequestSearch =
  { kind: 'found'; numbers: number[] } | { kind: 'none'; searched: string } | CouldNot;

/**
 * Open pull requests with commit `sha`; when there are none and `headLabel` (`owner:branch`) is
 * given, open pull requests whose head is that branch. A request GitHub refused is its
 * `unavailable` answer (the publisher's `attempt` has already said why).
 */
export async function findOpenPullRequests(
  client: GitHubClient,
  repository: Repository,
  search: { sha: string; headLabel?: string | undefined },
  attempt: Attempt,
): Promise<PullRequestSearch> {
  const byCommit = await attempt(
    'find the pull requests of this commit',
    'pull-requests: read',
    async () =>
      (
        await client.rest.repos.listPullRequestsAssociatedWithCommit({
          ...repository,
          commit_sha: search.sha,
        })
      ).data,
  );
  if (byCommit.kind !== 'ok') return byCommit;
  const open = byCommit.value.filter((pull) => pull.state === 'open').map((pull) => pull.number);
  if (open.length > 0) return { kind: 'found', numbers: open };
  const searched = `GitHub lists no open pull request with commit ${search.sha}`;
  if (!search.headLabel) return { kind: 'none', searched };
  const label = search.headLabel;
  const byHead = await attempt(
    `find the pull requests whose head is ${label}`,
    'pull-requests: read',
    async () =>
      (
        await client.rest.pulls.list({
          ...repository,
          head: label,
          state: 'open',
          per_page: 100,
        })
      ).data,
  );
  if (byHead.kind !== 'ok') return byHead;
  const numbers = byHead.value.map((pull) => pull.number);
  return numbers.length > 0
    ? { kind: 'found', numbers }
    : { kind: 'none', searched: `${searched}, nor one whose head is ${label}` };
}
