// Creates the check run in progress at the start (once, even when GitHub answers 5xx after
// creating it) and completes it at the end, with annotations batched 50 per request (GitHub
// rejects more).

import type { Annotation, CheckConclusion } from '../../core/render/github/check-run.js';
import { ANNOTATIONS_PER_REQUEST } from '../../core/render/github/limits.js';
import { createOnce, NO_AUTOMATIC_RETRY } from './create-once.js';
import type { GitHubClient } from './octokit.js';

export interface Repository {
  owner: string;
  repo: string;
}

/** A created check run: its id and page, and the app that created it (whose bot writes comments). */
export interface StartedCheckRun {
  id: number;
  url: string;
  appSlug: string | null;
}

/**
 * Creates the check run `in_progress` on `headSha`, tagged with `externalId` (unique per run) so
 * that after a 5xx it can be found instead of created twice. Throws Octokit's RequestError.
 */
export async function startCheckRun(
  client: GitHubClient,
  repository: Repository,
  request: {
    name: string;
    headSha: string;
    detailsUrl: string | null;
    startedAt: string;
    externalId: string;
  },
): Promise<StartedCheckRun> {
  const started = (data: {
    id: number;
    html_url: string | null;
    app: { slug?: string } | null;
  }) => ({
    id: data.id,
    url: data.html_url ?? '',
    appSlug: data.app?.slug ?? null,
  });
  return createOnce(
    async () => {
      const { data } = await client.rest.checks.create({
        ...repository,
        name: request.name,
        head_sha: request.headSha,
        external_id: request.externalId,
        status: 'in_progress',
        started_at: request.startedAt,
        ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
        output: {
          title: 'Evaluating the cutover gate…',
          summary: 'Collecting evidence and running verification commands.',
        },
        ...NO_AUTOMATIC_RETRY,
      });
      return started(data);
    },
    async () => {
      const { data } = await client.rest.checks.listForRef({
        ...repository,
        ref: request.headSha,
        check_name: request.name,
        filter: 'all',
        per_page: 100,
      });
      const ours = data.check_runs.find((run) => run.external_id === request.externalId);
      return ours && started(ours);
    },
  );
}

/** Completes the check run; annotations beyond the first 50 follow in further updates. */
export async function completeCheckRun(
  client: GitHubClient,
  repository: Repository,
  id: number,
  result: {
    conclusion: CheckConclusion;
    completedAt: string;
    title: string;
    summary: string;
    text: string;
    annotations: Annotation[];
  },
): Promise<void> {
  const batches: Annotation[][] = [];
  for (let i = 0; i < result.annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(result.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const output = { title: result.title, summary: result.summary, text: result.text };
  await client.rest.checks.update({
    ...repository,
    check_run_id: id,
    status: 'completed',
    conclusion: result.conclusion,
    completed_at: result.completedAt,
    output: { ...output, ...(batches[0] ? { annotations: batches[0] } : {}) },
  });
  for (const batch of batches.slice(1)) {
    await client.rest.checks.update({
      ...repository,
      check_run_id: id,
      output: { ...output, annotations: batch },
    });
  }
}
