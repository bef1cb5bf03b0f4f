// The shapes of the event table (SPEC §10): what a run on one GitHub event judges and publishes.

import type { EventPullRequest } from './event-payload.js';

export type { EventPullRequest };

/** Where the trusted policy comes from (SPEC §10 "Policy comes from the trusted ref"). */
export type TrustedRefRule =
  /** `pull_request`: the merge commit's first parent (fresher than the payload's base.sha). */
  | { kind: 'merge-first-parent'; fallbackSha: string | null }
  /** A fixed sha from the payload (`pull_request_target` base, `merge_group.base_sha`). */
  | { kind: 'sha'; sha: string }
  /** `push`-like: HEAD when it is the default branch's tip or an ancestor of it, else that tip. */
  | { kind: 'default-branch'; branch: string | null };

/** What HEAD must be for the run to judge the commit the event is about. */
export type HeadRequirement =
  | { kind: 'equals'; sha: string }
  /** `pull_request`: HEAD is the merge commit whose second parent is the PR head (or the head itself). */
  | { kind: 'merge-of'; headSha: string }
  /** workflow_dispatch / schedule: whatever the workflow checked out is what is judged. */
  | { kind: 'any' };

/** The plan for one event. */
export type EventPlan =
  | { kind: 'skip'; event: string; reason: string }
  | {
      kind: 'judge';
      event: string;
      /** The commit the check run goes on; null when it is HEAD itself (resolved from git). */
      subjectSha: string | null;
      head: HeadRequirement;
      trustedRef: TrustedRefRule;
      runCommands: boolean;
      /** Why commands do not run on this event (shown in the record). */
      notRunReason?: string;
      /** The pull request to comment on, when the payload names one. */
      pullRequest: EventPullRequest | null;
      /** The payload names no PR but the commit may belong to one (fork `workflow_run`): look it up. */
      lookUpPullRequest: boolean;
      /** For that look-up when the commit finds none: the head as `owner:branch` (GitHub's `head` filter). */
      headLabel?: string;
      /** The `checkout` step that makes HEAD the judged commit, for the error message. */
      checkoutHint: string;
    };

/** A plan for an event that has something to judge. */
export type JudgePlan = Extract<EventPlan, { kind: 'judge' }>;
