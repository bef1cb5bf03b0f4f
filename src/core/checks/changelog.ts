// changelog: the changelog has a section for the release tag, and that section states the consumer
// impact (a line naming it, followed by an actual statement).

import type { CheckOutcome } from '../model.js';
import type { EvaluationContext } from './evaluation-context.js';
import { listHeadings } from './markdown-lines.js';

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
      `${changelog.path} ${read?.kind === 'error' ? `could not be read: ${read.message}` : 'does not exist'}`,
    );

  const version = tag.replace(/^v/, '');
  const headings = listHeadings(read.text);
  const index = headings.findIndex((h) => mentionsVersion(h.text, version));
  if (index === -1)
    return fail(
      `${changelog.path} has no section for ${tag} (a heading such as "## ${tag}" or "## [${version}]")`,
    );
  const heading = headings[index]!;
  const next = headings.slice(index + 1).find((h) => h.level <= heading.level);
  const lines = read.text.split('\n').slice(heading.line + 1, next ? next.line : undefined);
  const impact = new RegExp(changelog.impactPattern, 'i');
  const found = lines.findIndex((line) => impact.test(line));
  if (found === -1)
    return fail(
      `the ${tag} section of ${changelog.path} has no consumer-impact statement (a line matching /${changelog.impactPattern}/i)`,
      heading.line + 1,
    );
  const sameLine = lines[found]!.replace(impact, '').replace(/[#*_:\-\s]/g, '');
  const following = lines
    .slice(found + 1)
    .find((line) => line.trim() !== '' && !/^#{1,6}\s/.test(line));
  if (sameLine === '' && !following)
    return fail(
      `the consumer-impact statement of ${tag} in ${changelog.path} is empty`,
      heading.line + found + 2,
    );
  return [
    {
      ...base,
      status: 'pass',
      summary: `${changelog.path} has a ${tag} section with a consumer-impact statement (line ${heading.line + found + 2})`,
    },
  ];
}

/**
 * True when `text` names `version` as a whole token (`v` prefix allowed): `## [0.3.2]` and
 * `## v0.3.2 - date` do, `0.3.20` and `10.3.2` do not. Plain string search: the tag is input, and
 * input never becomes a regular expression.
 */
export function mentionsVersion(text: string, version: string): boolean {
  if (version === '') return false;
  const isWord = (c: string | undefined) => c !== undefined && /[0-9A-Za-z.]/.test(c);
  for (let at = text.indexOf(version); at !== -1; at = text.indexOf(version, at + 1)) {
    const start = text[at - 1] === 'v' ? at - 1 : at;
    const after = text[at + version.length];
    if (!isWord(text[start - 1]) && !(isWord(after) || after === '-')) return true;
  }
  return false;
}
