// The sticky PR comment: one per check name, found again by a hidden marker.

import type { DecisionRecord } from '../../record.js';
import { STATE_ICONS } from '../format-value.js';
import { renderDecisionSummary } from './decision-summary.js';
import { COMMENT_LIMIT, fitWithin } from './limits.js';

/** The hidden marker that identifies our comment for a check name. */
export function commentMarker(checkName: string): string {
  return `<!-- cutover-checkpoint:${encodeURIComponent(checkName)} -->`;
}

/**
 * The comment body: marker, headline, summary and a link to the PR's checks, within GitHub's limit.
 * It holds nothing that changes between identical runs (no run ids, times or durations), so an
 * unchanged verdict leaves the comment untouched.
 */
export function renderComment(
  record: DecisionRecord,
  checkName: string,
  checksUrl: string | null,
): string {
  const requested = record.decisions[record.decision_requested];
  const linkLine = checksUrl
    ? `Full report: the \`${checkName}\` check in [this pull request's checks](${checksUrl}) and its workflow run's job summary.`
    : '';
  const build = (maxItems: number) =>
    [
      commentMarker(checkName),
      `### ${STATE_ICONS[requested.state]} ${checkName}: ${requested.label}`,
      '',
      renderDecisionSummary(record, maxItems),
      linkLine,
      '',
    ].join('\n');
  return fitWithin(
    [() => build(50), () => build(10), () => build(3)],
    COMMENT_LIMIT,
    (text) => text.length,
    checksUrl ? `in the [checks](${checksUrl})` : 'in the job summary',
  );
}
