// Which commit's policy judges an Action run (SPEC §10 table): the event plan's rule finished with
// what git (or the API) says about HEAD and the default branch. Fails closed: anything that cannot
// be established is `unknown`, which the run turns into a gate.integrity error.

import type { EventPlan } from '../core/github/event-plan-types.js';
import { resolveTrustedSha, type HeadFacts } from '../core/github/judged-commit.js';

/** What the resolver asks of the outside world. */
export interface TrustedRefFacts {
  /** HEAD's sha and parents (`git cat-file -p HEAD` works in a shallow clone); null when unreadable. */
  head(): Promise<HeadFacts | null>;
  /** The tip of `branch` (the clone's `origin/<branch>`, else the API); null when unknown. */
  defaultTip(branch: string): Promise<string | null>;
  /** Whether `sha` is `tip` or an ancestor of it; null when the clone cannot say (shallow). */
  isAncestor(sha: string, tip: string): Promise<boolean | null>;
  /** The runner's GITHUB_REF and GITHUB_SHA (set by GitHub, not by the change). */
  runner: { ref: string | null; sha: string };
}

export type TrustedRefAnswer = { kind: 'sha'; sha: string } | { kind: 'unknown'; reason: string };

/**
 * The trusted sha for `plan`. Default-branch rule: HEAD when the runner says the run is for the
 * default branch at HEAD, or when git shows HEAD is the default tip's ancestor; otherwise the tip
 * (a branch push is never judged under its own policy). A shallow clone that cannot answer the
 * ancestry question trusts the tip.
 */
export async function resolveTrustedRef(
  plan: EventPlan,
  facts: TrustedRefFacts,
): Promise<TrustedRefAnswer> {
  if (plan.kind === 'skip') return { kind: 'unknown', reason: plan.reason };
  const head = await facts.head();
  if (!head) return { kind: 'unknown', reason: 'git cannot read HEAD' };
  const rule = resolveTrustedSha(plan, head);
  if (typeof rule === 'string') return { kind: 'sha', sha: rule };
  const branch = rule.defaultBranch;
  if (!branch)
    return { kind: 'unknown', reason: 'the event payload names no default branch to trust' };
  if (facts.runner.ref === `refs/heads/${branch}` && facts.runner.sha === head.sha)
    return { kind: 'sha', sha: head.sha };
  const tip = await facts.defaultTip(branch);
  if (!tip)
    return {
      kind: 'unknown',
      reason: `the tip of the default branch '${branch}' is not in this clone and could not be looked up (check out with \`fetch-depth: 0\`, or give a github-token with \`contents: read\`)`,
    };
  if (tip === head.sha || (await facts.isAncestor(head.sha, tip)) === true)
    return { kind: 'sha', sha: head.sha };
  return { kind: 'sha', sha: tip };
}
