// Whose policy judges this Action run (SPEC §10 table): the event's plan, finished by the resolver
// (app/trusted-ref.ts) with what the clone, or the API, says about HEAD and the default branch.

import { resolveTrustedRef } from '../app/trusted-ref.js';
import type { TrustedRef } from '../app/read-trusted.js';
import type { Payload } from '../core/github/event-payload.js';
import { planEvent } from '../core/github/event-plan.js';
import type { GitHubClient } from '../adapters/github/octokit.js';
import type { GitRunner } from '../adapters/git-exec.js';
import { createTrustedRefFacts } from '../adapters/trusted-ref.js';

/**
 * The trusted ref for `eventName`: a sha, or `unknown` with why (gate.integrity is then an error
 * naming it). `payload` is the event payload the door read once (GITHUB_EVENT_PATH; an unreadable
 * one already failed the step); `env` the runner's GITHUB_* variables.
 */
export function trustedRefOfEvent(
  root: string,
  env: Readonly<Record<string, string | undefined>>,
  eventName: string,
  payload: Payload,
  api?: { client: GitHubClient; owner: string; repo: string },
  git?: GitRunner,
): Promise<TrustedRef> {
  const sha = env.GITHUB_SHA ?? '';
  const plan = planEvent(eventName, payload, {
    sha: sha || null,
    repository: env.GITHUB_REPOSITORY ?? null,
  });
  const facts = createTrustedRefFacts(root, { ref: env.GITHUB_REF ?? null, sha }, api, git);
  return resolveTrustedRef(plan, facts);
}
