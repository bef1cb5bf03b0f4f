// Which commit this run judges and where its verdict goes (SPEC §5 "The commit judged is the
// commit published", §10's event table): the event's plan, checked against the workspace's HEAD.

import type { HeadCommit } from '../app/ports.js';
import type { GitHubRunContext } from '../adapters/github/context.js';
import type { EventPayload } from '../adapters/github/event.js';
import { planEvent, type EventPlan } from '../core/github/event-plan.js';
import { checkJudgedCommit } from '../core/github/judged-commit.js';

/** A plan for an event that has something to judge. */
export type JudgePlan = Extract<EventPlan, { kind: 'judge' }>;

/** The plan for this run's event; `env` is the runner's (GITHUB_SHA, GITHUB_REPOSITORY). */
export function planRun(
  context: GitHubRunContext,
  payload: EventPayload,
  env: Readonly<Record<string, string | undefined>>,
): EventPlan {
  return planEvent(context.eventName, payload, {
    sha: env.GITHUB_SHA ?? null,
    repository: env.GITHUB_REPOSITORY ?? null,
  });
}

/** The run may go on: the commit judged and the one published on (equal except on pull_request). */
export interface ConfirmedCommit {
  kind: 'confirmed';
  /** HEAD; null when git could not say (then `warning` says why). */
  headSha: string | null;
  subjectSha: string;
  warning?: string;
}

/**
 * Compares HEAD with the plan. A workspace holding another commit is `wrong-commit` with the one
 * message naming both shas and the checkout that fixes it; nothing is published then. When there
 * is no HEAD to read (no repository: the workflow fetched files another way) the event's commit is
 * trusted with a warning; `fallbackSha` (GITHUB_SHA) is used only when neither names a commit. A
 * git that failed (timed out, killed) confirms nothing either way: `wrong-commit` too, fail closed.
 */
export function confirmJudgedCommit(
  plan: JudgePlan,
  head: HeadCommit,
  fallbackSha: string,
): ConfirmedCommit | { kind: 'wrong-commit'; message: string } {
  if (head.kind === 'ok') {
    const problem = checkJudgedCommit(plan, { sha: head.sha, parents: head.parents });
    if (problem) return { kind: 'wrong-commit', message: `cutover-checkpoint: ${problem}` };
    return { kind: 'confirmed', headSha: head.sha, subjectSha: plan.subjectSha ?? head.sha };
  }
  const subjectSha = plan.subjectSha ?? fallbackSha;
  if (head.failed)
    return {
      kind: 'wrong-commit',
      message: `cutover-checkpoint: cannot confirm that the workspace holds ${subjectSha}, the commit this ${plan.event} event is about: ${head.reason}`,
    };
  return {
    kind: 'confirmed',
    headSha: null,
    subjectSha,
    ...(plan.head.kind === 'any'
      ? {}
      : {
          warning: `cutover-checkpoint could not read the workspace's HEAD (${head.reason}), so it cannot confirm that it judged ${subjectSha}, the commit this ${plan.event} event is about; check out the repository with ${plan.checkoutHint}`,
        }),
  };
}

/** The context with the plan's pull request and the commit the verdict is published on. */
export function contextFor(
  context: GitHubRunContext,
  plan: JudgePlan,
  subjectSha: string,
): GitHubRunContext {
  return {
    ...context,
    sha: subjectSha,
    pullRequest: plan.pullRequest,
    lookUpPullRequest: plan.lookUpPullRequest,
  };
}
