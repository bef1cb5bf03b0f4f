// Markdown read the way GitHub renders it: markdown-it (CommonMark) builds the block tokens, with
// their line ranges, and the outline is taken from those tokens, never from lines. GFM task boxes
// are read the way the GFM spec defines them: a list item whose first paragraph starts with
// `[ ]`, `[x]` or `[X]`. So a box inside a block quote or a nested list counts, one inside a fenced
// or indented code block or an HTML comment does not, and CRLF is a line end. Loaded lazily.
// (markdown-it over micromark/mdast: the same answers on this project's cases at about half the
// start-up cost; see bench/ and the field tests.)

import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { MarkdownBlock, MarkdownOutline } from './outline.js';

const parser = new MarkdownIt('commonmark');
const TASK = /^\[([ \txX])\](?=[ \t]|$)/;
const CONTAINERS = new Set(['bullet_list_open', 'ordered_list_open', 'blockquote_open']);

/** Reads a Markdown text into the outline the checks use. */
export function readMarkdown(text: string): MarkdownOutline {
  const tokens = parser.parse(text, {});
  const outline: MarkdownOutline = { headings: [], tasks: [], blocks: [], visibleText: text };
  const lineStarts = indexLines(text);
  const comments: [number, number][] = [];
  // Open containers, innermost last; `item` is the reading-order unit a list item collects into.
  const stack: string[] = [];
  let item: { block: MarkdownBlock; depth: number; parts: string[] } | undefined;
  const topLevel = () => stack.every((type) => CONTAINERS.has(type));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.nesting === -1) {
      stack.pop();
      if (item && stack.length === item.depth) {
        item.block.text = item.parts.join('\n').trim();
        item = undefined;
      }
      continue;
    }
    if (token.type === 'list_item_open') {
      const task = readTask(tokens, i);
      if (task) outline.tasks.push({ ...task, line });
      if (!item && topLevel()) {
        item = {
          block: { kind: 'item', depth: 0, text: '', line },
          depth: stack.length,
          parts: [],
        };
        outline.blocks.push(item.block);
      }
    } else if (token.type === 'heading_open') {
      const heading = { depth: Number(token.tag.slice(1)), text: inlineText(tokens[i + 1]), line };
      outline.headings.push(heading);
      if (!item && topLevel()) outline.blocks.push({ kind: 'heading', ...heading });
    } else if (token.type === 'paragraph_open' && !item && topLevel()) {
      outline.blocks.push({ kind: 'paragraph', depth: 0, text: inlineText(tokens[i + 1]), line });
    } else if (token.type === 'html_block' && isComment(token.content)) {
      const [start, end] = token.map ?? [0, 0];
      comments.push([lineStarts[start] ?? text.length, lineStarts[end] ?? text.length]);
    } else if (token.type === 'inline') {
      item?.parts.push(inlineText(token));
      for (const child of token.children ?? [])
        if (child.type === 'html_inline' && isComment(child.content))
          findInline(text, lineStarts, token.map, child.content, comments);
    } else if (
      token.type === 'fence' ||
      token.type === 'code_block' ||
      token.type === 'html_block'
    ) {
      const kind = token.type === 'html_block' ? 'html' : 'code';
      if (item) item.parts.push(token.content);
      else if (topLevel()) outline.blocks.push({ kind, depth: 0, text: token.content, line });
    }
    if (token.nesting === 1) stack.push(token.type);
  }
  outline.visibleText = blankOut(text, comments);
  return outline;
}

/** A GFM task at the list item opening at `index`: its first paragraph starts with a box. */
function readTask(tokens: Token[], index: number): { checked: boolean; text: string } | null {
  if (tokens[index + 1]?.type !== 'paragraph_open') return null;
  const inline = tokens[index + 2];
  const box = TASK.exec(inline?.content ?? '');
  if (!box) return null;
  const label = inlineText(inline).replace(/^\[[ \txX]\][ \t]*/, '');
  return { checked: box[1] !== ' ' && box[1] !== '\t', text: label.trim() };
}

/** The text a reader sees in an inline token: text and code, HTML (comments) left out. */
function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  let text = '';
  for (const child of token.children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
    else if (child.type === 'image') text += inlineText(child);
  }
  return text.trim();
}

function isComment(html: string): boolean {
  return html.trimStart().startsWith('<!--');
}

/** Offsets where each line starts (CRLF, CR and LF all end a line, as CommonMark says). */
function indexLines(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** Records where an inline comment sits in the source, searching the lines of its paragraph. */
function findInline(
  text: string,
  lineStarts: number[],
  map: [number, number] | null,
  comment: string,
  ranges: [number, number][],
): void {
  if (!map) return;
  const from = lineStarts[map[0]] ?? 0;
  const to = lineStarts[map[1]] ?? text.length;
  const at = text.slice(from, to).indexOf(comment);
  if (at !== -1) ranges.push([from + at, from + at + comment.length]);
}

/** The text with each [start, end) range replaced by spaces, keeping line ends where they were. */
function blankOut(text: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return text;
  let result = '';
  let at = 0;
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    result += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return result + text.slice(at);
}
