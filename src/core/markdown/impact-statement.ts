// Finds a version's section in a changelog outline and the consumer-impact statement inside it.
// The statement is the content under the impact heading (until the next heading of the same or a
// higher level, within the version's section), or the rest of a paragraph or list item that names
// the impact (plus what follows it up to the next heading). Never the next heading's content.

import type { MarkdownBlock, MarkdownOutline } from './outline.js';

/** A version's section: its heading and the blocks under it. */
export interface ChangelogSection {
  heading: MarkdownBlock;
  blocks: MarkdownBlock[];
}

/** What the section says about consumer impact. */
export type ImpactStatement =
  | { kind: 'absent' }
  | { kind: 'empty'; line: number }
  | { kind: 'placeholder'; line: number; text: string }
  | { kind: 'stated'; line: number; text: string };

/** The first top-level section whose heading names `version` (with or without a `v`), if any. */
export function findVersionSection(
  outline: MarkdownOutline,
  version: string,
): ChangelogSection | undefined {
  const blocks = outline.blocks;
  const index = blocks.findIndex((b) => b.kind === 'heading' && mentionsVersion(b.text, version));
  if (index === -1) return undefined;
  const heading = blocks[index]!;
  const end = blocks.findIndex(
    (b, i) => i > index && b.kind === 'heading' && b.depth <= heading.depth,
  );
  return { heading, blocks: blocks.slice(index + 1, end === -1 ? undefined : end) };
}

/** Finds the impact statement in a section; `impact` matches the phrase that names it. */
export function findImpactStatement(section: ChangelogSection, impact: RegExp): ImpactStatement {
  const blocks = section.blocks;
  const index = blocks.findIndex((b) => b.kind !== 'code' && impact.test(b.text));
  if (index === -1) return { kind: 'absent' };
  const named = blocks[index]!;
  // What follows the phrase on the naming block itself ("Consumer impact: none").
  const rest = named.text.replace(impact, '').replace(/^[\s#*_:.\-–—]+/, '');
  const stop = (b: MarkdownBlock) =>
    b.kind === 'heading' && (named.kind !== 'heading' || b.depth <= named.depth);
  const end = blocks.findIndex((b, i) => i > index && stop(b));
  const following = blocks
    .slice(index + 1, end === -1 ? undefined : end)
    .filter((b) => b.kind !== 'heading' || b.text.trim() !== '');
  const parts = [
    ...(rest.trim() ? [{ text: rest, line: named.line }] : []),
    ...following.map((b) => ({ text: b.text, line: b.line })),
  ].filter((p) => p.text.trim() !== '');
  if (parts.length === 0) return { kind: 'empty', line: named.line };
  const text = parts.map((p) => p.text.trim()).join('\n');
  const line = parts[0]!.line;
  return isPlaceholder(text) ? { kind: 'placeholder', line, text } : { kind: 'stated', line, text };
}

// Words that hold a place for a statement rather than make one.
const PLACEHOLDER_WORDS =
  /^(?:tbd|tba|tbc|todo|to-?do|fixme|xxx+|wip|n\/?a|none yet|placeholder|lorem ipsum.*|coming soon|pending|to be (?:determined|decided|confirmed|announced|written|added)|fill(?: this)? in(?: later)?|describe(?: the)? (?:consumer )?impact(?: here)?|\?+|\.{2,}|…|-+|—|–)$/i;

/**
 * True when a statement is only a placeholder: TBD/TODO-style words, an angle-bracket or
 * square-bracket stub (`<fill in>`, `[describe impact]`), `{{ … }}`, `N/A`, dots or dashes, or a
 * TODO/TBD/FIXME marker in front of whatever follows.
 */
export function isPlaceholder(statement: string): boolean {
  const text = statement
    .trim()
    .replace(/^[\s*_`>"'(]+|[\s*_`"'.!):;]+$/g, '')
    .trim();
  if (text === '') return true;
  if (/^(?:todo|tbd|tba|fixme|xxx)\b\s*[:\-–—(]/i.test(text)) return true;
  if (/^<[^<>]*>$|^\[[^\]]*\]$|^\{\{.*\}\}$/s.test(text)) return true;
  return text
    .split(/\s*[,;|]\s*|\n+/)
    .every((part) => part === '' || PLACEHOLDER_WORDS.test(part.trim().replace(/[.!:;]+$/, '')));
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
