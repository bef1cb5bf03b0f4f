// Which commit's policy judges an Action run (SPEC §10 table): the event plan's rule finished with
// what git (or the API) says about HEAD and the default branch. Fails closed: anything that cannot
// be established is `unavailable`, naming what could not be read, which the run turns into a
// gate.integrity error.

import type { EventPlan } from '../core/github/event-plan-types.js';
import { resolveTrustedSha, type HeadFacts } from '../core/github/judged-commit.js';
import { couldNot, type Outcome } from '../core/outcome.js';
import type { TrustedRef } from './read-trusted.js';

/** What the resolver asks of the outside world; each answer is a value or why not. */
export interface TrustedRefFacts {
  /** HEAD's sha and parents (`git cat-file -p HEAD` works in a shallow clone). */
  head(): Promise<Outcome<HeadFacts>>;
  /** The tip of `branch` (the clone's `origin/<branch>`, else the API). */
  defaultTip(branch: string): Promise<Outcome<string>>;
  /** Whether `sha` is `tip` or an ancestor of it; unavailable when the clone cannot say (shallow). */
  isAncestor(sha: string, tip: string): Promise<Outcome<boolean>>;
  /** The runner's GITHUB_REF and GITHUB_SHA (set by GitHub, not by the change). */
  runner: { ref: string | null; sha: string };
}

/**
 * The trusted ref for `plan`. Default-branch rule: HEAD when the runner says the run is for the
 * default branch at HEAD, or when git shows HEAD is the default tip's ancestor; otherwise the tip
 * (a branch push is never judged under its own policy). A shallow clone that cannot answer the
 * ancestry question trusts the tip.
 */
export async function resolveTrustedRef(
  plan: EventPlan,
  facts: TrustedRefFacts,
): Promise<TrustedRef> {
  if (plan.kind === 'skip') return couldNot(plan.reason);
  const head = await facts.head();
  if (head.kind !== 'ok') return couldNot(`cannot read HEAD: ${head.reason}`, head.cause);
  const rule = resolveTrustedSha(plan, head.value);
  if (typeof rule === 'string') return { kind: 'ref', ref: rule };
  const branch = rule.defaultBranch;
  if (!branch) return couldNot('the event payload names no default branch to trust');
  const at = head.value.sha;
  if (facts.runner.ref === `refs/heads/${branch}` && facts.runner.sha === at)
    return { kind: 'ref', ref: at };
  const tip = await facts.defaultTip(branch);
  if (tip.kind !== 'ok')
    return couldNot(
      `the tip of the default branch '${branch}' is not in this clone and could not be looked up (${tip.reason}): check out with \`fetch-depth: 0\`, or give a github-token with \`contents: read\``,
      tip.cause,
    );
  const ancestor = tip.value === at ? undefined : await facts.isAncestor(at, tip.value);
  if (ancestor === undefined || (ancestor.kind === 'ok' && ancestor.value))
    return { kind: 'ref', ref: at };
  return { kind: 'ref', ref: tip.value };
}
