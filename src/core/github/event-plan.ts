// The event table of SPEC §10 in one place: for a GitHub event, which commit the verdict is about,
// what the workspace's HEAD must be for the gate to judge that commit, whose policy counts, whether
// commands may run, and which pull request (if any) gets the sticky comment. Pure: the payload and
// the names come in as data; git facts are checked separately (judged-commit.ts).

import {
  obj,
  pullRequestOf,
  sha,
  str,
  type EventPullRequest,
  type Payload,
} from './event-payload.js';
import type { EventPlan, HeadRequirement } from './event-plan-types.js';

export type * from './event-plan-types.js';

const ZERO_SHA = /^0{40}$/;

/**
 * Plans a run for `eventName` with its webhook `payload` (GITHUB_EVENT_PATH) and `env` (GITHUB_SHA,
 * GITHUB_REPOSITORY). Never throws on odd payloads: missing fields give a `skip` with the reason.
 */
export function planEvent(
  eventName: string,
  payload: Payload,
  env: { sha: string | null; repository: string | null },
): EventPlan {
  const skip = (reason: string): EventPlan => ({ kind: 'skip', event: eventName, reason });
  const defaultBranch = str(obj(payload.repository)?.default_branch);
  const push = (
    subject: string | null,
    head: HeadRequirement,
    hint: string,
  ): Extract<EventPlan, { kind: 'judge' }> => ({
    kind: 'judge',
    event: eventName,
    subjectSha: subject,
    head,
    trustedRef: { kind: 'default-branch', branch: defaultBranch },
    runCommands: true,
    pullRequest: null,
    lookUpPullRequest: false,
    checkoutHint: hint,
  });
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = pullRequestOf(obj(payload.pull_request), env.repository);
      if (!pr) return skip(`the ${eventName} payload names no pull request`);
      const raw = obj(payload.pull_request)!;
      if (payload.action === 'closed') {
        const merged = raw.merged === true ? sha(raw.merge_commit_sha) : undefined;
        if (!merged)
          return skip(
            `pull request #${pr.number} was closed without being merged: nothing to judge`,
          );
        // Merged: what is judged is the merge result on the base branch, as a push of it would be;
        // but pull_request_target runs no command, merged or not (SPEC §10: never).
        return {
          ...push(merged, { kind: 'equals', sha: merged }, 'uses: actions/checkout'),
          pullRequest: pr,
          ...(eventName === 'pull_request_target' ? NO_COMMANDS_ON_TARGET : {}),
        };
      }
      if (eventName === 'pull_request_target')
        return {
          kind: 'judge',
          event: eventName,
          subjectSha: pr.headSha,
          head: { kind: 'equals', sha: pr.headSha },
          trustedRef: pr.baseSha
            ? { kind: 'sha', sha: pr.baseSha }
            : { kind: 'default-branch', branch: defaultBranch },
          ...NO_COMMANDS_ON_TARGET,
          pullRequest: pr,
          lookUpPullRequest: false,
          checkoutHint: `uses: actions/checkout with ref: \${{ github.event.pull_request.head.sha }} (and persist-credentials: false)`,
        };
      return {
        kind: 'judge',
        event: eventName,
        subjectSha: pr.headSha,
        head: { kind: 'merge-of', headSha: pr.headSha },
        trustedRef: { kind: 'merge-first-parent', fallbackSha: pr.baseSha },
        runCommands: true,
        pullRequest: pr,
        lookUpPullRequest: false,
        checkoutHint:
          'uses: actions/checkout (its default ref on pull_request is the merge commit)',
      };
    }
    case 'merge_group': {
      const group = obj(payload.merge_group);
      const head = sha(group?.head_sha);
      const base = sha(group?.base_sha);
      if (!head) return skip('the merge_group payload names no head_sha');
      return {
        kind: 'judge',
        event: eventName,
        subjectSha: head,
        head: { kind: 'equals', sha: head },
        trustedRef: base
          ? { kind: 'sha', sha: base }
          : { kind: 'default-branch', branch: defaultBranch },
        runCommands: true,
        pullRequest: null,
        lookUpPullRequest: false,
        checkoutHint:
          'uses: actions/checkout (its default ref on merge_group is merge_group.head_sha)',
      };
    }
    case 'push': {
      const after = str(payload.after) ?? env.sha;
      if (payload.deleted === true || (after && ZERO_SHA.test(after)))
        return skip('this push deleted a branch or tag: nothing to judge');
      if (!after || !sha(after)) return skip('the push payload names no commit');
      return push(
        after,
        { kind: 'equals', sha: after },
        'uses: actions/checkout (its default ref on push is the pushed commit)',
      );
    }
    case 'workflow_dispatch':
    case 'schedule':
    case 'repository_dispatch':
      return push(null, { kind: 'any' }, 'uses: actions/checkout');
    case 'workflow_run': {
      const run = obj(payload.workflow_run);
      const head = sha(run?.head_sha);
      if (!run || !head) return skip('the workflow_run payload names no head_sha');
      const thisRepo =
        str(obj(run.repository)?.full_name) ??
        str(obj(payload.repository)?.full_name) ??
        env.repository;
      const fromElsewhere = str(obj(run.head_repository)?.full_name) !== thisRepo;
      const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
      const pr = atCommit(
        prs.length > 0 ? pullRequestOf(obj(prs[0]), null, fromElsewhere) : null,
        head,
      );
      // GitHub leaves pull_requests empty for a fork's run: its PR is looked up by commit, then
      // by the head's owner:branch. A run of a push has no PR to find, and says nothing.
      const lookUp = pr === null && (fromElsewhere || /^pull_request/.test(str(run.event) ?? ''));
      const headOwner = str(obj(obj(run.head_repository)?.owner)?.login);
      const headBranch = str(run.head_branch);
      return {
        kind: 'judge',
        event: eventName,
        subjectSha: head,
        head: { kind: 'equals', sha: head },
        trustedRef: { kind: 'default-branch', branch: defaultBranch },
        runCommands: !fromElsewhere,
        ...(fromElsewhere
          ? {
              notRunReason:
                'workflow_run from a fork or another repository runs no verification commands (they would run untrusted code with a write token)',
            }
          : {}),
        pullRequest: pr,
        lookUpPullRequest: lookUp,
        ...(lookUp && headOwner && headBranch ? { headLabel: `${headOwner}:${headBranch}` } : {}),
        checkoutHint: 'uses: actions/checkout with ref: ${{ github.event.workflow_run.head_sha }}',
      };
    }
    case 'check_suite':
    case 'check_run': {
      if (payload.action !== 'rerequested')
        return skip(
          `${eventName}.${String(payload.action)} is not a re-run request: nothing to judge`,
        );
      const suite =
        eventName === 'check_suite'
          ? obj(payload.check_suite)
          : obj(obj(payload.check_run)?.check_suite);
      const head = sha(suite?.head_sha);
      if (!head) return skip(`the ${eventName} payload names no check_suite.head_sha`);
      const prs = Array.isArray(suite?.pull_requests) ? suite.pull_requests : [];
      const pr = atCommit(prs.length > 0 ? pullRequestOf(obj(prs[0]), null) : null, head);
      return {
        kind: 'judge',
        event: eventName,
        subjectSha: head,
        head: { kind: 'equals', sha: head },
        trustedRef: pr?.baseSha
          ? { kind: 'sha', sha: pr.baseSha }
          : { kind: 'default-branch', branch: defaultBranch },
        runCommands: true,
        pullRequest: pr,
        lookUpPullRequest: false,
        checkoutHint: `uses: actions/checkout with ref: \${{ github.event.${eventName === 'check_suite' ? 'check_suite' : 'check_run.check_suite'}.head_sha }}`,
      };
    }
    default:
      return skip(
        `the gate does not judge ${eventName} events (it runs on pull_request, pull_request_target, merge_group, push, workflow_dispatch, schedule, workflow_run and check re-runs)`,
      );
  }
}

const NO_COMMANDS_ON_TARGET = {
  runCommands: false,
  notRunReason:
    'pull_request_target runs no verification commands (they would run pull request code with a write token)',
} as const;

/**
 * The run's pull request held to `head`, the commit the run is about. A payload lists a run's or
 * suite's pull requests with their head as it is now, which may be a later push (or, in GitHub's
 * own workflow_run example, another commit); approvals count on their head sha (SPEC §10), and
 * approvals of another commit must not sign this one.
 */
function atCommit(pr: EventPullRequest | null, head: string): EventPullRequest | null {
  return pr && pr.headSha !== head ? { ...pr, headSha: head } : pr;
}
