// Git and API facts for the trusted-ref resolver (app/trusted-ref.ts): HEAD and its parents, the
// default branch's tip, and ancestry. Every failure is a reason (the resolver fails closed).

import type { TrustedRefFacts } from '../app/trusted-ref.js';
import { couldNot, ok } from '../core/outcome.js';
import { describeUnreadable } from './github/api-errors.js';
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
      if (head.kind !== 'ok') return head;
      const { sha, parents } = head.value;
      if (!SHA.test(sha)) return couldNot(`HEAD is not a SHA-1 commit (${sha})`);
      return ok({ sha, parents: parents.filter((parent) => SHA.test(parent)) });
    },
    async defaultTip(branch) {
      if (!SAFE_BRANCH.test(branch) || branch.includes('..'))
        return couldNot(`'${branch}' is not a branch name git is asked about`);
      const local = await git(
        root,
        ['rev-parse', '--verify', '-q', `refs/remotes/origin/${branch}^{commit}`],
        SILENT_EXIT_1,
      );
      if (local.kind === 'ok' && SHA.test(local.stdout.trim())) return ok(local.stdout.trim());
      const notLocal =
        local.kind === 'unavailable' ? local.reason : `no refs/remotes/origin/${branch} here`;
      if (!api) return couldNot(`${notLocal}, and no github-token to ask the API`);
      try {
        const { data } = await api.client.rest.repos.getBranch({
          owner: api.owner,
          repo: api.repo,
          branch,
        });
        return SHA.test(data.commit.sha)
          ? ok(data.commit.sha)
          : couldNot(`the API named a tip that is not a SHA-1 (${data.commit.sha})`);
      } catch (error) {
        const why = describeUnreadable(`the branch '${branch}'`, 'needs `contents: read`', error);
        return couldNot(`${notLocal}; ${why}`, error);
      }
    },
    async isAncestor(sha, tip) {
      if (!SHA.test(sha) || !SHA.test(tip)) return couldNot('not two SHA-1 commits');
      const answer = await git(root, ['merge-base', '--is-ancestor', sha, tip], SILENT_EXIT_1);
      if (answer.kind === 'ok') return ok(true);
      // Exit 1 is "no"; 128 (objects missing in a shallow clone) or a git that failed cannot say.
      return answer.kind === 'said-no' ? ok(false) : couldNot(answer.reason, answer.cause);
    },
  };
}
