// Publishes the verdict to GitHub: a check run created in progress at the start and completed in
// every case (a crash completes it as failure), and the sticky PR comment. A missing permission or
// a GitHub failure that outlasted the retries becomes a warning (permissions: one at the end); the
// verdict, outputs, job summary and step result never depend on publishing. Anything else (a
// TypeError, a bug) is not GitHub's answer and propagates.

import { randomUUID } from 'node:crypto';
import { couldNot, ok, type Outcome } from '../../core/outcome.js';
import type { DecisionRecord } from '../../core/record.js';
import {
  mapConclusion,
  renderAnnotations,
  renderCheckOutput,
  renderCrashSummary,
  type Annotation,
  type ConditionalConclusion,
} from '../../core/render/github/check-run.js';
import { commentMarker } from '../../core/render/github/comment.js';
import { renderStickyComment } from '../../core/github/sticky-comment-plan.js';
import { completeCheckRun, startCheckRun, type StartedCheckRun } from './check-run.js';
import { syncStickyComment, type CommentOutcome } from './pr-comment.js';
import { learnIdentity, pullRequestHead } from './comment-identity.js';
import { UnexpectedAnswerError } from './answer-shape.js';
import { describeApiError } from './api-errors.js';
import {
  classifyApiFailure,
  explainPublicationFailure,
} from '../../core/github/publication-errors.js';
import type { GitHubClient } from './octokit.js';
import { PR_EVENTS, type GitHubRunContext } from './context.js';
import { createPermissionProblems } from './permissions.js';
import { findOpenPullRequests } from './pull-request-lookup.js';

export interface PublisherOptions {
  client: GitHubClient;
  context: GitHubRunContext;
  checkName: string;
  comment: 'auto' | 'always' | 'never';
  conditionalConclusion: ConditionalConclusion;
  /** Prefix for annotation paths when the gate runs in a subdirectory. */
  pathPrefix: string;
  warn: (message: string) => void;
  notice: (message: string) => void;
  now: () => Date;
}

/** What was published, for the step outputs. */
export interface Published {
  checkRun?: StartedCheckRun;
  comments: CommentOutcome[];
}

/** Publishes one run's verdict; nothing is sent until `start`. */
export type Publisher = ReturnType<typeof createPublisher>;

/** Creates a publisher. */
export function createPublisher(options: PublisherOptions) {
  const { client, context } = options;
  const repository = { owner: context.owner, repo: context.repo };
  const published: Published = { comments: [] };
  const permissions = createPermissionProblems();
  const externalId = `cutover-checkpoint:${randomUUID()}`;
  let identity: Promise<Outcome<string>> | undefined;
  let unreachable = false;
  /** GitHub's "no" as an Outcome (warned about once, in GitHub's words); any other error propagates. */
  const attempt = async <T>(
    what: string,
    permission: string,
    action: () => Promise<T>,
  ): Promise<Outcome<T>> => {
    // Once the API could not be reached, the rest of the publication is not tried again.
    if (unreachable) return couldNot(`the GitHub API could not be reached to ${what}`);
    try {
      return ok(await action());
    } catch (error) {
      if (error instanceof UnexpectedAnswerError) {
        const reason = `cutover-checkpoint could not ${what}: ${error.message}`;
        options.warn(reason);
        return couldNot(reason, error);
      }
      const api = describeApiError(error);
      if (!api) throw error;
      const failure = {
        status: api.status || undefined,
        message: api.message,
        code: (error as { code?: string }).code,
      };
      const problem = classifyApiFailure(failure);
      if (problem === 'permission') {
        permissions.note(what, permission);
        return couldNot(`the token may not ${what}`, error);
      }
      unreachable = problem === 'unreachable';
      const reason = `cutover-checkpoint ${explainPublicationFailure(what, permission, failure, context.apiUrl)}`;
      options.warn(reason);
      return couldNot(reason, error);
    }
  };
  const withPrefix = (annotations: Annotation[]) =>
    annotations.map((a) => ({ ...a, path: options.pathPrefix + a.path }));
  const complete = (id: number, result: Parameters<typeof completeCheckRun>[3]) =>
    attempt('complete the check run', 'checks: write', () =>
      completeCheckRun(client, repository, id, result),
    );

  return {
    published,

    /** Creates the check run in progress on the commit the run is about. */
    async start(): Promise<void> {
      const started = await attempt('create the check run', 'checks: write', () =>
        startCheckRun(client, repository, {
          name: options.checkName,
          headSha: context.sha,
          detailsUrl: context.runUrl,
          startedAt: options.now().toISOString(),
          externalId,
        }),
      );
      if (started.kind === 'ok') published.checkRun = started.value;
    },

    /** Completes the check run and posts or edits the sticky comment. */
    async finish(record: DecisionRecord): Promise<void> {
      const checkRun = published.checkRun;
      if (checkRun) {
        await complete(checkRun.id, {
          conclusion: mapConclusion(record.verdict, options.conditionalConclusion),
          completedAt: options.now().toISOString(),
          ...renderCheckOutput(record, context.runUrl),
          annotations: withPrefix(renderAnnotations(record)),
        });
      }
      for (const number of await this.pullRequestsToComment()) {
        const body = renderStickyComment(
          record,
          options.checkName,
          `${context.serverUrl}/${context.owner}/${context.repo}/pull/${number}/checks`,
          context.sha,
        );
        const who = await this.identity();
        const head = await pullRequestHead(client, repository, number);
        const currentHead = head.kind === 'ok' ? head.value : null;
        const outcome = await attempt('post the PR comment', 'pull-requests: write', () =>
          syncStickyComment(client, repository, {
            issueNumber: number,
            marker: commentMarker(options.checkName),
            body,
            judged: context.sha,
            currentHead,
            // Unknown until we create one: then the created comment's author tells.
            identity: who.kind === 'ok' ? who.value : null,
          }),
        );
        if (outcome.kind === 'ok' && outcome.value.skipped)
          options.notice(`cutover-checkpoint left the PR comment alone: ${outcome.value.skipped}`);
        // Unknown, the comment is still written (it names the commit it judged), but not silently.
        else if (outcome.kind === 'ok' && head.kind !== 'ok')
          options.warn(
            `cutover-checkpoint could not check the head of pull request #${number}: ${head.reason}; its comment was written without checking whether it held a newer commit's verdict`,
          );
        if (outcome.kind === 'ok') published.comments.push(outcome.value);
      }
    },

    /** Completes the check run as failure when the gate itself could not run, with annotations if any. */
    async crash(message: string, annotations: Annotation[] = []): Promise<void> {
      const checkRun = published.checkRun;
      if (!checkRun) return;
      await complete(checkRun.id, {
        conclusion: 'failure',
        completedAt: options.now().toISOString(),
        title: 'The gate could not run',
        summary: renderCrashSummary(message, context.runUrl),
        text: '',
        annotations: withPrefix(annotations),
      });
    },

    /** PRs to comment on, per the `comment` input. */
    async pullRequestsToComment(): Promise<number[]> {
      if (options.comment === 'never') return [];
      if (context.pullRequest)
        return options.comment === 'always' || PR_EVENTS.has(context.eventName)
          ? [context.pullRequest.number]
          : [];
      // A fork's workflow_run names no PR (pull_requests: []): look it up, or say why not.
      const lookUp = context.lookUpPullRequest === true;
      if (options.comment !== 'always' && !lookUp) return [];
      const found = await findOpenPullRequests(
        client,
        repository,
        { sha: context.sha, headLabel: lookUp ? context.headLabel : undefined },
        attempt,
      );
      if (found.kind === 'none' && lookUp)
        options.warn(
          `cutover-checkpoint made no PR comment: this ${context.eventName} event names no pull request (GitHub leaves workflow_run.pull_requests empty for forks) and ${found.searched}`,
        );
      return found.kind === 'found' ? found.numbers : [];
    },

    /**
     * Our login: the bot of the app that created the check run, else GraphQL's `viewer`, else why
     * neither could say. Never guessed from the token's prefix.
     */
    async identity(): Promise<Outcome<string>> {
      if (published.checkRun?.appSlug) return ok(`${published.checkRun.appSlug}[bot]`);
      identity ??= learnIdentity(client);
      return identity;
    },

    /** One warning for every permission that was missing, naming them. */
    reportPermissions(): void {
      const warning = permissions.describe(context.pullRequest?.fork === true);
      if (warning) options.warn(warning);
    },
  };
}
