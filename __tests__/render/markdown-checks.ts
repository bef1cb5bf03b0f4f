// The checks every generated Markdown document must pass: markdownlint with a rule set fit for
// generated output, and GFM table shape.

import { lint } from 'markdownlint/sync';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/**
 * markdownlint's defaults, minus rules that do not fit generated documents:
 * - MD013 (line length): table rows and prose carry values of any length; wrapping a table row
 *   breaks it, and GitHub wraps prose itself.
 * - MD033 (inline HTML) is limited to what we write: <details>/<summary>/<code> for folded parts.
 * - MD041 (first line a heading): the comment starts with its hidden marker, and the decision
 *   summary is shown under GitHub's own check-run title.
 * - MD024 (duplicate headings): only among siblings (each decision has a "→ GO needs" part).
 * - MD034 (bare URLs): a URL inside evidence text stays a GFM autolink literal, as GitHub shows
 *   it; what may become a link is decided by the one escaping function, not by the linter.
 * - MD060 (table column style): compact `|---|` delimiters keep the documents small for GitHub's
 *   size limits; alignment padding would cost bytes per row.
 */
const CONFIG = {
  default: true,
  MD013: false,
  MD033: { allowed_elements: ['details', 'summary', 'code'] },
  MD041: false,
  MD024: { siblings_only: true },
  MD034: false,
  MD060: false,
};

/** Problems with GFM tables: a header/delimiter pair that is not a table, or a row of the wrong width. */
export function findTableProblems(markdown: string): string[] {
  const lines = markdown.split('\n');
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/).length;
  const delimiter = /^\|(?:\s*:?-+:?\s*\|)+\s*$/;
  const problems: string[] = [];
  let tables = 0;
  for (let i = 0; i + 1 < lines.length; i += 1) {
    if (!lines[i]!.startsWith('|') || !delimiter.test(lines[i + 1]!)) continue;
    if (i > 0 && lines[i - 1]!.startsWith('|')) continue;
    tables += 1;
    const width = cells(lines[i]!);
    if (cells(lines[i + 1]!) !== width)
      problems.push(`line ${i + 1}: header has ${width} cells, delimiter ${cells(lines[i + 1]!)}`);
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j += 1)
      if (cells(lines[j]!) !== width)
        problems.push(`line ${j + 1}: ${cells(lines[j]!)} cells under a ${width}-cell header`);
  }
  // Every header/delimiter pair must parse as a table (GFM drops a mismatched one to a paragraph).
  const tree = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  let parsed = 0;
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'table') parsed += 1;
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree);
  if (parsed !== tables) problems.push(`${tables} tables written, ${parsed} parse as GFM tables`);
  return problems;
}

/** markdownlint's findings as `name:line RULE description` lines. */
export function lintProblems(name: string, markdown: string): string[] {
  const result = lint({ strings: { [name]: markdown }, config: CONFIG });
  return (result[name] ?? []).map(
    (e) =>
      `${name}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ''}`,
  );
}
