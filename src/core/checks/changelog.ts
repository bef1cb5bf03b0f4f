// changelog: the changelog has a section for the release tag, and that section states the consumer
// impact: content under the impact heading (or after the phrase that names it), not empty and not
// a placeholder. Sections come from the CommonMark tree, so code blocks and comments never count.

import type { CheckOutcome } from '../model.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';
import { findImpactStatement, findVersionSection } from '../markdown/impact-statement.js';

export { mentionsVersion } from '../markdown/impact-statement.js';

/** One check when a changelog is configured. */
export function evaluateChangelog(context: EvaluationContext): CheckOutcome[] {
  const changelog = context.config.changelog;
  if (!changelog) return [];
  const tag = context.evidence.inputs.release_tag ?? context.config.baseline.release_tag;
  const base = { id: 'changelog', kind: 'changelog' as const };
  const at = (line?: number) => ({ file: changelog.path, ...(line ? { line } : {}) });
  const fail = (summary: string, line?: number): CheckOutcome[] => [
    { ...base, status: 'fail', summary, findings: [{ message: summary, location: at(line) }] },
  ];
  if (!tag)
    return [
      {
        ...base,
        status: 'error',
        summary: 'no release tag to look for: set baseline.release_tag or pass --release-tag',
      },
    ];
  const read = context.evidence.files[changelog.path];
  if (!read || read.kind !== 'ok')
    return fail(
      `${changelog.path} ${read?.kind === 'unavailable' ? `could not be read: ${read.reason}` : 'does not exist'}`,
    );
  if (!context.markdown)
    return [
      {
        ...base,
        status: 'error',
        summary: `${changelog.path} was not read: the Markdown reader was not loaded (internal fault)`,
      },
    ];

  const version = tag.replace(/^v/, '');
  const section = findVersionSection(context.markdown(read.text), version);
  if (!section)
    return fail(
      `${changelog.path} has no section for ${tag} (a heading such as "## ${tag}" or "## [${version}]")`,
    );
  const statement = findImpactStatement(section, new RegExp(changelog.impactPattern, 'i'));
  switch (statement.kind) {
    case 'absent':
      return fail(
        `the ${tag} section of ${changelog.path} has no consumer-impact statement (a heading or line matching /${changelog.impactPattern}/i)`,
        section.heading.line,
      );
    case 'empty':
      return fail(
        `the consumer-impact statement of ${tag} in ${changelog.path} is empty (nothing under it before the next heading)`,
        statement.line,
      );
    case 'placeholder':
      return fail(
        `the consumer-impact statement of ${tag} in ${changelog.path} is only a placeholder ("${statement.text.split('\n')[0]!.slice(0, 80)}"): state the impact on consumers`,
        statement.line,
      );
    case 'stated':
      return [
        {
          ...base,
          status: 'pass',
          summary: `${changelog.path} has a ${tag} section with a consumer-impact statement (line ${statement.line})`,
        },
      ];
  }
}
