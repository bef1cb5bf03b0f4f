// Creates the check run in progress at the start and completes it at the end, with annotations
// batched 50 per request (GitHub rejects more).

import type { Annotation, CheckConclusion } from '../../core/render/github/check-run.js';
import { ANNOTATIONS_PER_REQUEST } from '../../core/render/github/limits.js';
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

/** Creates the check run `in_progress` on `headSha`. */
export async function startCheckRun(
  client: GitHubClient,
  repository: Repository,
  request: { name: string; headSha: string; detailsUrl: string | null; startedAt: string },
): Promise<StartedCheckRun> {
  const { data } = await client.rest.checks.create({
    ...repository,
    name: request.name,
    head_sha: request.headSha,
    status: 'in_progress',
    started_at: request.startedAt,
    ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
    output: {
      title: 'Evaluating the cutover gate…',
      summary: 'Collecting evidence and running verification commands.',
    },
  });
  return { id: data.id, url: data.html_url ?? '', appSlug: data.app?.slug ?? null };
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
