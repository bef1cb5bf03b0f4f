// What GitHub vouches for about the joint decision (SPEC §10): the reviews of the pull request
// judged (on push, of the merged pull request whose merge commit is the commit judged), this
// workflow run's environment approvals, and the members of `@org/team` signers. Anything the
// token cannot read is `unavailable` with GitHub's reason, so the signature is pending, never a pass.

import type {
  LookupResult,
  ReviewEvidence,
  RunApprovalEvidence,
  SignoffEvidence,
} from '../../core/evidence.js';
import { describeUnreadable } from './api-errors.js';
import type { GitHubClient } from './octokit.js';
import {
  UnexpectedAnswerError,
  answerId,
  answerList,
  answerLogin,
  answerObject,
  answerString,
} from './answer-shape.js';

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
        const what = `the pull requests of ${subject.sha}`;
        const merged = answerList(pulls, what)
          .map((p) => answerObject(p, what))
          .find((p) => p.merged_at && p.merge_commit_sha === subject.sha);
        if (merged)
          target = {
            number: answerId(merged, 'number', what),
            headSha: answerString(answerObject(merged.head, what), 'sha', what),
          };
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
          reviews: answerList(reviews, `the reviews of #${number}`).flatMap((listed) =>
            readReview(listed, `the reviews of #${number}`),
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
          approvals: answerList(data, `the approvals of run ${subject.runId}`).map((listed) =>
            readApproval(listed, `the approvals of run ${subject.runId}`),
          ),
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
      const what = `the members of ${entry}`;
      return {
        kind: 'ok',
        value: answerList(members, what).map((m) =>
          answerString(answerObject(m, what), 'login', what),
        ),
      };
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

/** One listed review; none for a review whose author's account is gone (GitHub's `user: null`). */
function readReview(listed: unknown, what: string): ReviewEvidence[] {
  const review = answerObject(listed, what);
  if (review.user === null) return [];
  const commitId = review.commit_id;
  if (commitId !== null && typeof commitId !== 'string')
    throw new UnexpectedAnswerError(what, `a review's 'commit_id' is not a sha`);
  return [
    {
      id: answerId(review, 'id', what),
      login: answerLogin(review, what),
      state: answerString(review, 'state', what),
      commitId,
      submittedAt: typeof review.submitted_at === 'string' ? review.submitted_at : null,
      url: answerString(review, 'html_url', what),
    },
  ];
}

/** One environment approval (or rejection) of the run. */
function readApproval(listed: unknown, what: string): RunApprovalEvidence {
  const approval = answerObject(listed, what);
  const environments = approval.environments ?? [];
  return {
    login: answerLogin(approval, what),
    state: answerString(approval, 'state', what),
    environments: answerList(environments, what).flatMap((e) => {
      const name = answerObject(e, what).name;
      return typeof name === 'string' && name ? [name] : [];
    }),
    comment: typeof approval.comment === 'string' ? approval.comment : '',
  };
}
