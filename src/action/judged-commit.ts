// Which commit this run judges and where its verdict goes (SPEC §5 "The commit judged is the
// commit published", §10's event table): the event's plan, checked against the workspace's HEAD.

import type { HeadCommit } from '../app/ports.js';
import type { GitHubRunContext } from '../adapters/github/context.js';
import type { EventPayload } from '../adapters/github/event.js';
import { planEvent, type EventPlan } from '../core/github/event-plan.js';
import { checkJudgedCommit, explainUnreadableHead } from '../core/github/judged-commit.js';

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
  /** HEAD, the commit judged. */
  headSha: string;
  /** The commit the event is about, where the verdict is published. */
  subjectSha: string;
}

/**
 * Compares HEAD with the plan. A workspace holding another commit, or one whose HEAD git cannot
 * read (no repository, no git), is `wrong-commit` with the one message naming what was or could
 * not be read, the commit expected and the checkout that fixes it; nothing is published then, as
 * a verdict on the event's commit would vouch for a tree nobody identified (fail closed).
 * `eventSha` is GITHUB_SHA, named as the expected commit on events whose plan accepts any HEAD.
 */
export function confirmJudgedCommit(
  plan: JudgePlan,
  head: HeadCommit,
  eventSha: string,
): ConfirmedCommit | { kind: 'wrong-commit'; message: string } {
  if (head.kind !== 'ok')
    return {
      kind: 'wrong-commit',
      message: `cutover-checkpoint ${explainUnreadableHead(plan, head.reason, eventSha || null)}`,
    };
  const problem = checkJudgedCommit(plan, { sha: head.sha, parents: head.parents });
  if (problem) return { kind: 'wrong-commit', message: `cutover-checkpoint: ${problem}` };
  return { kind: 'confirmed', headSha: head.sha, subjectSha: plan.subjectSha ?? head.sha };
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
    ...(plan.headLabel ? { headLabel: plan.headLabel } : {}),
  };
}
