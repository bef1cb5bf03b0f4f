// The checks every generated Markdown document must pass: markdownlint with a rule set fit for
// generated output, and GFM table shape (a rule of ours on markdownlint's own parse).

import type { MicromarkToken, Rule } from 'markdownlint';
import { lint } from 'markdownlint/sync';

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

/**
 * GFM table shape as a markdownlint rule, on markdownlint's own micromark parse (one parse per
 * document for both checks): every header/delimiter pair written must parse as a table (GFM drops
 * a mismatched one to a paragraph of pipes), and every row must be as wide as its header.
 */
const TABLE_SHAPE: Rule = {
  names: ['gfm-table-shape'],
  description: 'GFM table shape',
  tags: ['table'],
  parser: 'micromark',
  function: (params, onError) => {
    const lines = params.lines;
    const cells = (line: string) =>
      line
        .trim()
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split(/(?<!\\)\|/).length;
    const delimiter = /^\|(?:\s*:?-+:?\s*\|)+\s*$/;
    let tables = 0;
    for (let i = 0; i + 1 < lines.length; i += 1) {
      if (!lines[i]!.startsWith('|') || !delimiter.test(lines[i + 1]!)) continue;
      if (i > 0 && lines[i - 1]!.startsWith('|')) continue;
      tables += 1;
      const width = cells(lines[i]!);
      if (cells(lines[i + 1]!) !== width)
        onError({
          lineNumber: i + 1,
          detail: `header has ${width} cells, delimiter ${cells(lines[i + 1]!)}`,
        });
      for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j += 1)
        if (cells(lines[j]!) !== width)
          onError({
            lineNumber: j + 1,
            detail: `${cells(lines[j]!)} cells under a ${width}-cell header`,
          });
    }
    const parsed = (tokens: readonly MicromarkToken[]): number =>
      tokens.reduce((n, t) => n + ((t.type as string) === 'table' ? 1 : 0) + parsed(t.children), 0);
    const found = parsed(params.parsers.micromark.tokens);
    if (found !== tables)
      onError({ lineNumber: 1, detail: `${tables} tables written, ${found} parse as GFM tables` });
  },
};

/** Problems with GFM tables: a header/delimiter pair that is not a table, or a row of the wrong width. */
export function findTableProblems(markdown: string): string[] {
  const result = lint({
    strings: { tables: markdown },
    config: { default: false, 'gfm-table-shape': true },
    customRules: [TABLE_SHAPE],
  });
  return (result.tables ?? []).map((e) => `line ${e.lineNumber}: ${e.errorDetail}`);
}

/** markdownlint's findings, GFM table shape among them, as `name:line RULE description` lines. */
export function lintProblems(name: string, markdown: string): string[] {
  const result = lint({
    strings: { [name]: markdown },
    config: CONFIG,
    customRules: [TABLE_SHAPE],
  });
  return (result[name] ?? []).map(
    (e) =>
      `${name}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ''}`,
  );
}
