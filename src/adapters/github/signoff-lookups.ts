// What GitHub vouches for about the joint decision (SPEC §10): the reviews of the pull request
// judged (on push, of the merged pull request whose merge commit is the commit judged), this
// workflow run's environment approvals, and the members of `@org/team` signers. Anything the
// token cannot read is `unavailable` with GitHub's reason, so the signature is pending, never a pass.

import type { LookupResult, SignoffEvidence } from '../../core/evidence.js';
import { describeUnreadable } from './api-errors.js';
import type { GitHubClient } from './octokit.js';

/** What this run is about, from the event (never from the tree being judged). */
export interface SignoffSubject {
  event: string;
  /** The pull request of a pull_request* / workflow_run event. */
  pullRequest: { number: number; headSha: string } | null;
  /** The commit the event is about (on push, the merge commit of a merged pull request). */
  sha: string | null;
  runId: string | null;
  runUrl: string | null;
  serverUrl: string;
}

type Repository = { owner: string; repo: string };

/** The `signoff` lookup of the API lookups port. */
export function createSignoffLookup(
  client: GitHubClient,
  repository: Repository,
  subject: SignoffSubject,
): (request: { github: boolean; teams: string[] }) => Promise<SignoffEvidence> {
  const unavailable = (what: string, permission: string, error: unknown) => ({
    kind: 'unavailable' as const,
    reason: describeUnreadable(what, `needs ${permission}`, error),
  });
  const notAsked = { kind: 'unavailable' as const, reason: 'not needed: verify is file' };

  const pullRequest = async (): Promise<SignoffEvidence['pullRequest']> => {
    let target = subject.pullRequest;
    if (!target && subject.event === 'push' && subject.sha) {
      try {
        const pulls = await client.paginate(
          client.rest.repos.listPullRequestsAssociatedWithCommit,
          { ...repository, commit_sha: subject.sha, per_page: 100 },
        );
        const merged = pulls.find((p) => p.merged_at && p.merge_commit_sha === subject.sha);
        if (merged) target = { number: merged.number, headSha: merged.head.sha };
      } catch (error) {
        return unavailable(`the pull requests of ${subject.sha}`, '`pull-requests: read`', error);
      }
      if (!target)
        return {
          kind: 'unavailable',
          reason: `no merged pull request has ${subject.sha.slice(0, 12)} as its merge commit`,
        };
    }
    if (!target)
      return { kind: 'unavailable', reason: `a ${subject.event} run is not about a pull request` };
    const { number, headSha } = target;
    try {
      const reviews = await client.paginate(client.rest.pulls.listReviews, {
        ...repository,
        pull_number: number,
        per_page: 100,
      });
      return {
        kind: 'ok',
        value: {
          number,
          headSha,
          url: `${subject.serverUrl}/${repository.owner}/${repository.repo}/pull/${number}`,
          reviews: reviews.flatMap((r) =>
            r.user
              ? [
                  {
                    id: r.id,
                    login: r.user.login,
                    state: r.state,
                    commitId: r.commit_id,
                    submittedAt: r.submitted_at ?? null,
                    url: r.html_url,
                  },
                ]
              : [],
          ),
        },
      };
    } catch (error) {
      return unavailable(`the reviews of pull request #${number}`, '`pull-requests: read`', error);
    }
  };

  const runApprovals = async (): Promise<SignoffEvidence['runApprovals']> => {
    if (!subject.runId) return { kind: 'unavailable', reason: 'GITHUB_RUN_ID is not set' };
    try {
      const { data } = await client.rest.actions.getReviewsForRun({
        ...repository,
        run_id: Number(subject.runId),
      });
      return {
        kind: 'ok',
        value: {
          runUrl: subject.runUrl,
          approvals: data.map((a) => ({
            login: a.user.login,
            state: a.state,
            environments: (a.environments ?? []).flatMap((e) => (e.name ? [e.name] : [])),
            comment: a.comment,
          })),
        },
      };
    } catch (error) {
      return unavailable(`the approvals of run ${subject.runId}`, '`actions: read`', error);
    }
  };

  const team = async (entry: string): Promise<LookupResult<string[]>> => {
    const [org, slug] = entry.slice(1).split('/');
    try {
      const members = await client.paginate(client.rest.teams.listMembersInOrg, {
        org: org!,
        team_slug: slug!,
        per_page: 100,
      });
      return { kind: 'ok', value: members.map((m) => m.login) };
    } catch (error) {
      return unavailable(
        `team ${entry}`,
        'a token with `read:org` (GITHUB_TOKEN cannot read team membership)',
        error,
      );
    }
  };

  return async ({ github, teams }) => {
    const [pull, runs, ...members] = await Promise.all([
      github ? pullRequest() : notAsked,
      github ? runApprovals() : notAsked,
      ...teams.map(team),
    ]);
    return {
      pullRequest: pull,
      runApprovals: runs,
      teams: Object.fromEntries(teams.map((entry, i) => [entry, members[i]!])),
    };
  };
}
