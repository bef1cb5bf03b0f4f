// Publishes the verdict to GitHub: a check run created in progress at the start and completed in
// every case (a crash completes it as failure), and the sticky PR comment. A missing permission
// (fork PRs, no `checks: write` / `pull-requests: write`) becomes one warning at the end; the
// verdict, outputs, job summary and step result never depend on publishing.

import type { DecisionRecord } from '../core/record.js';
import {
  mapConclusion,
  renderAnnotations,
  renderCheckOutput,
  renderCrashSummary,
  type Annotation,
  type CheckConclusion,
} from '../core/render/github/check-run.js';
import { commentMarker, renderComment } from '../core/render/github/comment.js';
import {
  completeCheckRun,
  startCheckRun,
  type StartedCheckRun,
} from '../adapters/github/check-run.js';
import { upsertStickyComment, type CommentOutcome } from '../adapters/github/pr-comment.js';
import { describeApiError, isPermissionError } from '../adapters/github/api-errors.js';
import type { GitHubClient } from '../adapters/github/octokit.js';
import { PR_EVENTS, type GitHubRunContext } from './github-context.js';

export interface PublisherOptions {
  client: GitHubClient;
  context: GitHubRunContext;
  checkName: string;
  comment: 'auto' | 'always' | 'never';
  conditionalConclusion: CheckConclusion;
  /** Prefix for annotation paths when the gate runs in a subdirectory. */
  pathPrefix: string;
  warn: (message: string) => void;
  now: () => Date;
  /** The token is an app installation token (GITHUB_TOKEN is one). */
  installationToken: boolean;
}

/** What was published, for the step outputs. */
export interface Published {
  checkRun?: StartedCheckRun;
  comments: CommentOutcome[];
}

/** Creates a publisher; nothing is sent until `start`. */
export function createPublisher(options: PublisherOptions) {
  const { client, context } = options;
  const repository = { owner: context.owner, repo: context.repo };
  const published: Published = { comments: [] };
  const permissionProblems = new Map<string, string>();
  let identity: Promise<string> | undefined;
  const attempt = async <T>(
    what: string,
    permission: string,
    action: () => Promise<T>,
  ): Promise<T | undefined> => {
    try {
      return await action();
    } catch (error) {
      if (isPermissionError(error)) {
        permissionProblems.set(what, permission);
        return undefined;
      }
      const api = describeApiError(error);
      options.warn(
        `cutover-checkpoint could not ${what}${api ? ` (HTTP ${api.status}: ${api.message})` : `: ${String(error)}`}`,
      );
      return undefined;
    }
  };

  return {
    published,

    /** Creates the check run in progress on the commit the run is about. */
    async start(): Promise<void> {
      published.checkRun = await attempt('create the check run', 'checks: write', () =>
        startCheckRun(client, repository, {
          name: options.checkName,
          headSha: context.sha,
          detailsUrl: context.runUrl,
          startedAt: options.now().toISOString(),
        }),
      );
    },

    /** Completes the check run and posts or edits the sticky comment. */
    async finish(record: DecisionRecord): Promise<void> {
      const checkRun = published.checkRun;
      if (checkRun) {
        const output = renderCheckOutput(record, context.runUrl);
        const annotations = renderAnnotations(record).map((a) => ({
          ...a,
          path: options.pathPrefix + a.path,
        }));
        await attempt('complete the check run', 'checks: write', () =>
          completeCheckRun(client, repository, checkRun.id, {
            conclusion: mapConclusion(record.verdict, options.conditionalConclusion),
            completedAt: options.now().toISOString(),
            ...output,
            annotations,
          }),
        );
      }
      for (const number of await this.pullRequestsToComment()) {
        const body = renderComment(
          record,
          options.checkName,
          `${context.serverUrl}/${context.owner}/${context.repo}/pull/${number}/checks`,
        );
        const author = await this.identity();
        const outcome = await attempt('post the PR comment', 'pull-requests: write', () =>
          upsertStickyComment(client, repository, {
            issueNumber: number,
            marker: commentMarker(options.checkName),
            body,
            author,
          }),
        );
        if (outcome) published.comments.push(outcome);
      }
    },

    /** Completes the check run as failure when the gate itself could not run, with annotations if any. */
    async crash(message: string, annotations: Annotation[] = []): Promise<void> {
      const checkRun = published.checkRun;
      if (!checkRun) return;
      await attempt('complete the check run', 'checks: write', () =>
        completeCheckRun(client, repository, checkRun.id, {
          conclusion: 'failure',
          completedAt: options.now().toISOString(),
          title: 'The gate could not run',
          summary: renderCrashSummary(message, context.runUrl),
          text: '',
          annotations: annotations.map((a) => ({ ...a, path: options.pathPrefix + a.path })),
        }),
      );
    },

    /** PRs to comment on, per the `comment` input. */
    async pullRequestsToComment(): Promise<number[]> {
      if (options.comment === 'never') return [];
      if (context.pullRequest)
        return options.comment === 'always' || PR_EVENTS.has(context.eventName)
          ? [context.pullRequest.number]
          : [];
      if (options.comment !== 'always') return [];
      const pulls = await attempt(
        'find the pull requests of this commit',
        'pull-requests: read',
        async () =>
          (
            await client.rest.repos.listPullRequestsAssociatedWithCommit({
              ...repository,
              commit_sha: context.sha,
            })
          ).data,
      );
      return (pulls ?? []).filter((pull) => pull.state === 'open').map((pull) => pull.number);
    },

    /**
     * Our login: the bot of the app that created the check run; for an installation token
     * (GITHUB_TOKEN, `ghs_…`) without a check run, github-actions[bot]; else the token's user.
     */
    async identity(): Promise<string> {
      if (published.checkRun?.appSlug) return `${published.checkRun.appSlug}[bot]`;
      if (options.installationToken) return 'github-actions[bot]';
      identity ??= client.rest.users.getAuthenticated().then(
        ({ data }) => data.login,
        () => 'github-actions[bot]',
      );
      return identity;
    },

    /** One warning for every permission that was missing, naming them. */
    reportPermissions(): void {
      if (permissionProblems.size === 0) return;
      const what = [...permissionProblems]
        .map(([action, permission]) => `${action} (needs \`${permission}\`)`)
        .join(' and ');
      const fork = context.pullRequest?.fork
        ? ' On pull requests from forks the token is read-only.'
        : '';
      options.warn(
        `cutover-checkpoint could not ${what}: the token is not allowed to.${fork} Add the permission to the workflow's \`permissions:\` block. The verdict, outputs and job summary are unaffected.`,
      );
    },
  };
}
