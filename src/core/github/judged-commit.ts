// Whether the workspace's HEAD is the commit an event is about, and which sha is trusted for policy.

import type { Outcome } from '../outcome.js';
import type { EventPlan, JudgePlan } from './event-plan-types.js';

/** HEAD as git reports it: its sha and its parents (readable even in a shallow clone). */
export interface HeadFacts {
  sha: string;
  parents: string[];
}

/**
 * Checks that HEAD is the commit the plan is about. Returns null when it is, or one message naming
 * the judged commit, the expected one and the checkout that fixes it (SPEC §5).
 */
export function checkJudgedCommit(
  plan: Extract<EventPlan, { kind: 'judge' }>,
  head: HeadFacts,
): string | null {
  const requirement = plan.head;
  if (requirement.kind === 'any') return null;
  if (requirement.kind === 'equals' && head.sha === requirement.sha) return null;
  if (
    requirement.kind === 'merge-of' &&
    (head.sha === requirement.headSha || isMergeOf(head, requirement.headSha))
  )
    return null;
  const expected =
    requirement.kind === 'equals'
      ? requirement.sha
      : `a merge commit whose second parent is ${requirement.headSha} (or that commit itself)`;
  return `the workspace holds ${head.sha}, but this ${plan.event} event is about ${expected}; no verdict is published for a commit that was not judged. Check out the right commit: ${plan.checkoutHint}`;
}

/** HEAD is GitHub's merge commit of `headSha`: two parents, the second the PR head, not the head. */
function isMergeOf(head: HeadFacts, headSha: string): boolean {
  return head.sha !== headSha && head.parents.length === 2 && head.parents[1] === headSha;
}

/**
 * The one message for a HEAD git could not read (no repository, no git, a broken clone): what
 * could not be read and why (`reason`, git's words), the commit expected (`eventSha` is GITHUB_SHA,
 * named for events whose plan accepts any HEAD) and the checkout line that fixes it (SPEC §5).
 */
export function explainUnreadableHead(
  plan: Extract<EventPlan, { kind: 'judge' }>,
  reason: string,
  eventSha: string | null,
): string {
  const requirement = plan.head;
  const expected =
    requirement.kind === 'equals'
      ? `${requirement.sha}, the commit this ${plan.event} event is about`
      : requirement.kind === 'merge-of'
        ? `the merge commit of ${requirement.headSha}, the head of the pull request this ${plan.event} event is about`
        : `${eventSha ?? '(GITHUB_SHA is not set)'}, the commit this ${plan.event} run was started on`;
  return `could not read the workspace's HEAD (${reason}), so it cannot confirm that it would judge ${expected}; no verdict is published for a commit that was not judged. Check out the repository: ${plan.checkoutHint}`;
}

/** The trusted ref's sha once HEAD is known, or the rule that still needs git (default branch). */
export function resolveTrustedSha(
  plan: Extract<EventPlan, { kind: 'judge' }>,
  head: HeadFacts,
): string | { defaultBranch: string | null } {
  const rule = plan.trustedRef;
  if (rule.kind === 'sha') return rule.sha;
  if (rule.kind === 'merge-first-parent') {
    // Only GitHub's merge commit of the PR head has the base as its first parent. A PR head that is
    // itself a merge ("Update branch", `git merge main`) has a commit of the PR as its first parent:
    // trusting that would judge the change under its own policy.
    const mergeOfHead = plan.head.kind === 'merge-of' && isMergeOf(head, plan.head.headSha);
    return mergeOfHead && head.parents[0]
      ? head.parents[0]
      : (rule.fallbackSha ?? { defaultBranch: null });
  }
  return { defaultBranch: rule.branch };
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
  head: Outcome<HeadFacts>,
  eventSha: string,
): ConfirmedCommit | { kind: 'wrong-commit'; message: string } {
  if (head.kind !== 'ok')
    return {
      kind: 'wrong-commit',
      message: `cutover-checkpoint ${explainUnreadableHead(plan, head.reason, eventSha || null)}`,
    };
  const problem = checkJudgedCommit(plan, head.value);
  if (problem) return { kind: 'wrong-commit', message: `cutover-checkpoint: ${problem}` };
  const { sha } = head.value;
  return { kind: 'confirmed', headSha: sha, subjectSha: plan.subjectSha ?? sha };
}
