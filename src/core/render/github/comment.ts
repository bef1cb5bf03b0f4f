// The sticky PR comment: one per check name, found again by a hidden marker on its first line.

import type { DecisionRecord } from '../../record.js';
import { renderHeadline } from '../headline.js';
import { mdCode, mdUrl, wellFormed } from '../markdown-escape.js';
import { renderDecisionSummary } from './decision-summary.js';
import { COMMENT_LIMIT, fitWithin } from './limits.js';

/**
 * The hidden marker that identifies our comment for a check name: always the comment's whole
 * first line, matched exactly (see isOurMarkerLine). The name is percent-encoded, so no name can
 * close the comment or look like another gate's marker, and no escaped value can contain `<!--`.
 */
export function commentMarker(checkName: string): string {
  return `<!-- cutover-checkpoint:gate=${encodeURIComponent(wellFormed(checkName))} -->`;
}

/** Is `body` a comment carrying exactly this marker (its first line, nothing more or less)? */
export function hasCommentMarker(body: string | null | undefined, marker: string): boolean {
  if (!body) return false;
  const end = body.indexOf('\n');
  const first = end === -1 ? body : body.slice(0, end);
  return first.replace(/\r$/, '') === marker;
}

/**
 * The comment body: marker, headline, summary and a link to the PR's checks, within `limit`
 * characters (GitHub's comment limit unless the caller appends lines of its own).
 * It holds nothing that changes between identical runs (no run ids, times or durations), so an
 * unchanged verdict leaves the comment untouched.
 */
export function renderComment(
  record: DecisionRecord,
  checkName: string,
  checksUrl: string | null,
  limit = COMMENT_LIMIT,
): string {
  const url = mdUrl(checksUrl);
  const linkLine = url
    ? `Full report: the ${mdCode(checkName)} check in [this pull request's checks](${url}) and its workflow run's job summary.`
    : '';
  const build = (maxItems: number) =>
    [
      commentMarker(checkName),
      `### ${renderHeadline(record)}`,
      '',
      `Gate check ${mdCode(checkName)}, requested decision: ${record.decision_requested}.`,
      '',
      renderDecisionSummary(record, maxItems),
      linkLine,
      '',
    ].join('\n');
  return fitWithin(
    [() => build(50), () => build(10), () => build(3)],
    limit,
    (text) => text.length,
    url ? `in the [checks](${url})` : 'in the job summary',
  );
}
