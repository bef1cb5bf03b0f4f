// The check run's conclusion, title, summary, text and annotations, from the record.

import { DECISIONS, isFailing, type CheckResult, type SourceLocation } from '../../model.js';
import type { ConfigError } from '../../config/config-types.js';
import type { DecisionRecord } from '../../record.js';
import { DECISION_TITLES } from '../format-value.js';
import { renderMarkdown } from '../markdown.js';
import { mdProse, mdUrl } from '../markdown-escape.js';
import { byteLength, CHECK_RUN_TEXT_LIMIT, fitWithin } from './limits.js';
import { renderDecisionSummary } from './decision-summary.js';

/** Conclusions a check run can end with. */
export type CheckConclusion =
  'success' | 'failure' | 'neutral' | 'action_required' | 'cancelled' | 'skipped' | 'timed_out';

/** The conclusions a CONDITIONAL verdict may have: none that branch protection counts as passing. */
export type ConditionalConclusion = 'action_required' | 'failure';

/**
 * Maps the verdict to a conclusion. CONDITIONAL is never green (SPEC §10): branch protection counts
 * `success`, `neutral` and `skipped` as passing, so its conclusion is `action_required` (default)
 * or `failure`, never one of those.
 */
export function mapConclusion(
  verdict: DecisionRecord['verdict'],
  conditional: ConditionalConclusion = 'action_required',
): CheckConclusion {
  return verdict === 'GO' ? 'success' : verdict === 'NO-GO' ? 'failure' : conditional;
}

/** "Rehearsal GO · Cutover NO-GO", the requested decision first. */
export function renderCheckTitle(record: DecisionRecord): string {
  const requested = record.decision_requested;
  return [requested, ...DECISIONS.filter((d) => d !== requested)]
    .map((d) => `${d === 'cutover' ? 'Cutover' : DECISION_TITLES[d]} ${record.decisions[d].state}`)
    .join(' · ');
}

/** Summary and text within the byte limits, degrading detail before truncating. */
export function renderCheckOutput(
  record: DecisionRecord,
  runUrl: string | null,
): { title: string; summary: string; text: string } {
  const url = mdUrl(runUrl);
  const where = url
    ? `in the [workflow run](${url}) (job summary and the \`decision-record.json\` artifact)`
    : 'in the job summary';
  const measure = byteLength;
  return {
    title: renderCheckTitle(record),
    summary: fitWithin(
      [
        () => renderDecisionSummary(record, 50),
        () => renderDecisionSummary(record, 10),
        () => renderDecisionSummary(record, 3),
      ],
      CHECK_RUN_TEXT_LIMIT,
      measure,
      where,
    ),
    text: fitWithin(
      [
        () => renderMarkdown(record),
        () =>
          renderMarkdown(record, { passingChecks: false, outputTails: true, findingsPerCheck: 20 }),
        () =>
          renderMarkdown(record, {
            passingChecks: false,
            outputTails: false,
            findingsPerCheck: 10,
          }),
        () =>
          renderMarkdown(record, { passingChecks: false, outputTails: false, findingsPerCheck: 3 }),
      ],
      CHECK_RUN_TEXT_LIMIT,
      measure,
      where,
    ),
  };
}

/**
 * The check-run summary when the gate could not run. The message can quote config keys, paths and
 * values from the judged tree, so it is escaped like any other value.
 */
export function renderCrashSummary(message: string, runUrl: string | null): string {
  const url = mdUrl(runUrl);
  return `cutover-checkpoint could not evaluate the gate: ${mdProse(message)}${url ? `\n\nSee the [workflow run](${url}).` : ''}`;
}

/** A check-run annotation (the API's shape). */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

/** One annotation per finding that has a file and line, failures first. */
export function renderAnnotations(record: DecisionRecord): Annotation[] {
  const level = (check: CheckResult): Annotation['annotation_level'] =>
    isFailing(check.status) ? 'failure' : check.status === 'pass' ? 'notice' : 'warning';
  const annotations: Annotation[] = [];
  for (const check of record.checks) {
    if (check.status === 'pass' || check.status === 'skipped') continue;
    for (const finding of check.findings) {
      const annotation = annotateAt(
        finding.location,
        level(check),
        `${check.id} (${check.status})`,
        finding.message,
      );
      if (annotation) annotations.push(annotation);
    }
  }
  const rank = { failure: 0, warning: 1, notice: 2 };
  return annotations.sort((a, b) => rank[a.annotation_level] - rank[b.annotation_level]);
}

/** One failure annotation per config error that has a line. */
export function renderConfigErrorAnnotations(errors: readonly ConfigError[]): Annotation[] {
  return errors.flatMap(
    (error) => annotateAt(error.location, 'failure', 'configuration error', error.message) ?? [],
  );
}

/** An annotation at a location, or undefined when it has no line to point at. */
function annotateAt(
  location: SourceLocation | undefined,
  level: Annotation['annotation_level'],
  title: string,
  message: string,
): Annotation | undefined {
  if (!location?.line) return undefined;
  return {
    path: location.file,
    start_line: location.line,
    end_line: location.line,
    ...(location.column ? { start_column: location.column, end_column: location.column } : {}),
    annotation_level: level,
    title,
    message: message.slice(0, 64 * 1024 - 1),
  };
}
