// Git and API facts for the trusted-ref resolver (app/trusted-ref.ts): HEAD and its parents, the
// default branch's tip, and ancestry. Every failure is null (the resolver fails closed).

import { unresolvedTrustedRef } from '../app/read-trusted.js';
import { resolveTrustedRef, type TrustedRefFacts } from '../app/trusted-ref.js';
import type { Payload } from '../core/github/event-payload.js';
import { planEvent } from '../core/github/event-plan.js';
import { describeApiError } from './github/api-errors.js';
import type { GitHubClient } from './github/octokit.js';
import { git as runGit, type GitRunner } from './git-exec.js';
import { SILENT_EXIT_1 } from './git-no.js';
import { createGit } from './git.js';

const SHA = /^[0-9a-f]{40}$/;
/** A branch name git reads as a name only (no option, no revision syntax). */
const SAFE_BRANCH = /^(?!-)[\w./-]+$/;

/**
 * Facts about the clone at `root`; `api` (owner/repo through a client) answers the default tip
 * when the clone has no `origin/<branch>`.
 */
export function createTrustedRefFacts(
  root: string,
  runner: TrustedRefFacts['runner'],
  api?: { client: GitHubClient; owner: string; repo: string },
  git: GitRunner = runGit,
): TrustedRefFacts {
  return {
    runner,
    async head() {
      // The port's own HEAD read (the same questions a start-up prefetch answers for both).
      const head = await createGit(root, git).headCommit();
      if (head.kind !== 'ok' || !SHA.test(head.sha)) return null;
      return { sha: head.sha, parents: head.parents.filter((parent) => SHA.test(parent)) };
    },
    async defaultTip(branch) {
      if (!SAFE_BRANCH.test(branch) || branch.includes('..')) return null;
      const local = await git(
        root,
        ['rev-parse', '--verify', '-q', `refs/remotes/origin/${branch}^{commit}`],
        SILENT_EXIT_1,
      );
      if (local.kind === 'ok' && SHA.test(local.stdout.trim())) return local.stdout.trim();
      if (!api) return null;
      try {
        const { data } = await api.client.rest.repos.getBranch({
          owner: api.owner,
          repo: api.repo,
          branch,
        });
        return SHA.test(data.commit.sha) ? data.commit.sha : null;
      } catch (error) {
        if (!describeApiError(error)) throw error;
        return null;
      }
    },
    async isAncestor(sha, tip) {
      if (!SHA.test(sha) || !SHA.test(tip)) return null;
      const answer = await git(root, ['merge-base', '--is-ancestor', sha, tip], SILENT_EXIT_1);
      if (answer.kind === 'ok') return true;
      // Exit 1 is "no"; 128 (objects missing in a shallow clone) or a git that failed cannot say.
      return answer.kind === 'said-no' ? false : null;
    },
  };
}

/**
 * The Action run's trusted ref for `eventName` (SPEC §10 table): a sha, or an unresolved marker
 * (read-trusted.ts) that makes gate.integrity an error naming why. `payload` is the event payload
 * the door read once (GITHUB_EVENT_PATH; an unreadable one already failed the step).
 */
export async function trustedRefForEvent(
  root: string,
  env: Readonly<Record<string, string | undefined>>,
  eventName: string,
  payload: Payload,
  api?: { client: GitHubClient; owner: string; repo: string },
  git?: GitRunner,
): Promise<string> {
  const sha = env.GITHUB_SHA ?? '';
  const plan = planEvent(eventName, payload, {
    sha: sha || null,
    repository: env.GITHUB_REPOSITORY ?? null,
  });
  const facts = createTrustedRefFacts(root, { ref: env.GITHUB_REF ?? null, sha }, api, git);
  const answer = await resolveTrustedRef(plan, facts);
  return answer.kind === 'sha' ? answer.sha : unresolvedTrustedRef(answer.reason);
}
