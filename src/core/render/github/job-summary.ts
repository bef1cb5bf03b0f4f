// The job summary: the full report when it fits GitHub's limit on a step's summary, else the same
// ladder as the check run and comment (less detail first, then cut with a link to the run).

import type { DecisionRecord } from '../../record.js';
import { renderMarkdown } from '../markdown.js';
import { byteLength, fitWithin } from './limits.js';

/** A step's job summary: 1 MiB (GitHub refuses to show a larger one and warns about it). */
export const JOB_SUMMARY_LIMIT = 1_048_576;

/**
 * The summary Markdown within `limit` bytes. `fullReport` is the report already rendered with full
 * detail (report.md), used as-is when it fits so the summary and report.md stay identical.
 */
export function renderJobSummary(
  record: DecisionRecord,
  fullReport: string,
  runUrl: string | null,
  limit: number = JOB_SUMMARY_LIMIT,
): string {
  const where = runUrl
    ? `\`report.md\` in the evidence directory of the [workflow run](${runUrl})`
    : '`report.md` in the evidence directory';
  return fitWithin(
    [
      () => fullReport,
      () =>
        renderMarkdown(record, { passingChecks: false, outputTails: true, findingsPerCheck: 20 }),
      () =>
        renderMarkdown(record, { passingChecks: false, outputTails: false, findingsPerCheck: 10 }),
      () =>
        renderMarkdown(record, { passingChecks: false, outputTails: false, findingsPerCheck: 3 }),
    ],
    limit,
    byteLength,
    where,
  );
}
