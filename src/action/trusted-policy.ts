// Whose policy judges this Action run (SPEC §10 table): the event's plan, finished by the resolver
// (app/trusted-ref.ts) with what the clone, or the API, says about HEAD and the default branch.

import { resolveTrustedRef } from '../app/trusted-ref.js';
import type { TrustedRef } from '../app/read-trusted.js';
import type { JudgePlan } from '../core/github/event-plan-types.js';
import type { GitHubClient } from '../adapters/github/octokit.js';
import type { GitRunner } from '../adapters/git-exec.js';
import { createTrustedRefFacts } from '../adapters/trusted-ref.js';

/**
 * The trusted ref for the event `plan` (the one the door made of the payload): a sha, or
 * `unavailable` with why (gate.integrity is then an error naming it). `env` holds the runner's
 * GITHUB_REF and GITHUB_SHA.
 */
export function trustedRefOfEvent(
  root: string,
  env: Readonly<Record<string, string | undefined>>,
  plan: JudgePlan,
  api?: { client: GitHubClient; owner: string; repo: string },
  git?: GitRunner,
): Promise<TrustedRef> {
  const runner = { ref: env.GITHUB_REF ?? null, sha: env.GITHUB_SHA ?? '' };
  return resolveTrustedRef(plan, createTrustedRefFacts(root, runner, api, git));
}
