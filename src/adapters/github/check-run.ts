// Creates the check run in progress at the start (once, even when GitHub answers 5xx after
// creating it) and completes it at the end, with annotations batched 50 per request (GitHub
// rejects more).

import type { Annotation, CheckConclusion } from '../../core/render/github/check-run.js';
import {
  annotationBatches,
  omittedAnnotationsNote,
  selectAnnotations,
} from '../../core/github/publication-budget.js';

/** GitHub's limit on a check run's `output.summary`, in characters. */
const SUMMARY_LIMIT = 65_535;
import { answerId, answerList, answerObject } from './answer-shape.js';
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
  // Without an id the run could never be completed (it would stay in progress): refused, and
  // looked up by its external id as after a 5xx (create-once.ts).
  const started = (data: unknown): StartedCheckRun => {
    const run = answerObject(data, `the check run '${request.name}'`);
    const app = run.app && typeof run.app === 'object' ? (run.app as { slug?: unknown }) : null;
    return {
      id: answerId(run, 'id', `the check run '${request.name}'`),
      url: typeof run.html_url === 'string' ? run.html_url : '',
      appSlug: typeof app?.slug === 'string' ? app.slug : null,
    };
  };
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
      const what = `the check runs on ${request.headSha}`;
      const ours = answerList(answerObject(data, what).check_runs, what).find(
        (run) => answerObject(run, what).external_id === request.externalId,
      );
      return ours === undefined ? undefined : started(ours);
    },
  );
}

/**
 * Completes the check run. At most MAX_ANNOTATIONS annotations are sent (most severe first; the
 * summary says how many were left out), in batches of 50: every update replaces the title and
 * summary while annotations append, so the batches go first with a short summary and the final
 * update carries the full output, the conclusion and the last batch. At most 2 requests.
 */
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
  const { sent, omitted } = selectAnnotations(result.annotations);
  const batches = annotationBatches(sent);
  const last = batches.pop();
  for (const batch of batches) {
    await client.rest.checks.update({
      ...repository,
      check_run_id: id,
      output: { title: result.title, summary: 'Attaching annotations…', annotations: batch },
    });
  }
  const note = omittedAnnotationsNote(omitted);
  const summary =
    result.summary.length + note.length <= SUMMARY_LIMIT
      ? result.summary + note
      : result.summary.slice(0, SUMMARY_LIMIT - note.length) + note;
  await client.rest.checks.update({
    ...repository,
    check_run_id: id,
    status: 'completed',
    conclusion: result.conclusion,
    completed_at: result.completedAt,
    output: {
      title: result.title,
      summary,
      text: result.text,
      ...(last ? { annotations: last } : {}),
    },
  });
}
