// A run's API writes stay bounded whatever the number of findings (SPEC §5: "about ten"), well
// inside GitHub's secondary limit of 80 content-generating requests a minute
// (docs.github.com, "Rate limits for the REST API" › secondary rate limits).

import type { Annotation } from '../render/github/check-run.js';
import { ANNOTATIONS_PER_REQUEST } from '../render/github/limits.js';

/**
 * Annotations sent per run: two requests of 50. The rest are counted and named in the summary;
 * every finding is still in the report, the job summary and the decision record.
 */
export const MAX_ANNOTATIONS = 2 * ANNOTATIONS_PER_REQUEST;

const SEVERITY: Record<Annotation['annotation_level'], number> = {
  failure: 0,
  warning: 1,
  notice: 2,
};

/** The annotations to send (most severe first, stable within a level) and how many were left out. */
export function selectAnnotations(
  annotations: readonly Annotation[],
  cap: number = MAX_ANNOTATIONS,
): { sent: Annotation[]; omitted: number } {
  const ranked = annotations
    .map((annotation, index) => ({ annotation, index }))
    .sort(
      (a, b) =>
        SEVERITY[a.annotation.annotation_level] - SEVERITY[b.annotation.annotation_level] ||
        a.index - b.index,
    )
    .map(({ annotation }) => annotation);
  return { sent: ranked.slice(0, cap), omitted: Math.max(0, ranked.length - cap) };
}

/** The line that says how many annotations were left out, for the check run's summary. */
export function omittedAnnotationsNote(omitted: number): string {
  return omitted === 0
    ? ''
    : `\n\n_${omitted.toLocaleString('en-US')} more annotation(s) not attached (at most ${MAX_ANNOTATIONS} per run, most severe first); every finding is in the report below and in the decision record._`;
}

/**
 * Splits the annotations into request batches of 50. The check-run update that carries the final
 * title and summary goes last, because every update replaces them (GitHub REST "Update a check
 * run": `output.title`/`summary` replace, `annotations` append).
 */
export function annotationBatches(annotations: readonly Annotation[]): Annotation[][] {
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return batches;
}
