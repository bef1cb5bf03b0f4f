// Markdown read the way GitHub renders it: micromark (CommonMark) with the GFM task-list
// extension builds an mdast tree, and the outline is taken from that tree, never from lines. So a
// box inside a block quote or a nested list counts, one inside a fenced or indented code block or
// an HTML comment does not, and CRLF is a line end. Loaded lazily (load-markdown.ts).

import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { MarkdownBlock, MarkdownOutline, MarkdownTask } from './outline.js';

/** Reads a Markdown text into the outline the checks use. */
export function readMarkdown(text: string): MarkdownOutline {
  const tree: Root = fromMarkdown(text, {
    extensions: [gfmTaskListItem()],
    mdastExtensions: [gfmTaskListItemFromMarkdown()],
  });
  const outline: MarkdownOutline = { headings: [], tasks: [], blocks: [], visibleText: text };
  const comments: [number, number][] = [];
  // An explicit stack: a hostile document nested thousands deep must not exhaust the call stack.
  const stack: { node: Nodes; top: boolean }[] = [{ node: tree, top: true }];
  while (stack.length > 0) {
    const { node, top } = stack.pop()!;
    const line = node.position?.start.line ?? 1;
    if (node.type === 'html' && isComment(node.value)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) comments.push([start, end]);
      continue;
    }
    if (node.type === 'heading') {
      outline.headings.push({ depth: node.depth, text: plainText(node), line });
    } else if (node.type === 'listItem') {
      const task = readTask(node, line);
      if (task) outline.tasks.push(task);
    }
    if (top) {
      const block = toBlock(node, line);
      if (block) outline.blocks.push(block);
    }
    if ('children' in node) {
      // Lists and quotes open their children as units of the reading order; other blocks are one.
      const opens = node.type === 'root' || node.type === 'list' || node.type === 'blockquote';
      const children = (node as Parents).children;
      for (let i = children.length - 1; i >= 0; i--)
        stack.push({ node: children[i]!, top: top && opens });
    }
  }
  outline.headings.sort((a, b) => a.line - b.line);
  outline.tasks.sort((a, b) => a.line - b.line);
  outline.visibleText = blankOut(text, comments);
  return outline;
}

function readTask(node: Extract<Nodes, { type: 'listItem' }>, line: number): MarkdownTask | null {
  const first = node.children[0];
  const label = first && first.type === 'paragraph' ? plainText(first) : '';
  if (node.checked === true || node.checked === false)
    return { checked: node.checked, text: label.trim(), line };
  // `- [ ]` with nothing after it is not a GFM task, but it shows a box nobody ticked: count it.
  const bare = /^\[([ xX])\]$/.exec(label.trim());
  return bare ? { checked: bare[1] !== ' ', text: '', line } : null;
}

function toBlock(node: Nodes, line: number): MarkdownBlock | null {
  switch (node.type) {
    case 'root':
    case 'list':
    case 'blockquote':
      return null;
    case 'heading':
      return { kind: 'heading', depth: node.depth, text: plainText(node), line };
    case 'paragraph':
      return { kind: 'paragraph', depth: 0, text: plainText(node), line };
    case 'listItem':
      return { kind: 'item', depth: 0, text: plainText(node), line };
    case 'code':
      return { kind: 'code', depth: 0, text: node.value, line };
    case 'html':
      return { kind: 'html', depth: 0, text: node.value, line };
    default:
      return { kind: 'other', depth: 0, text: plainText(node), line };
  }
}

/** The text a reader sees in a node: literal text and code, with HTML (comments) left out. */
function plainText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'text' || current.type === 'inlineCode' || current.type === 'code')
      parts.push(current.value);
    else if (current.type === 'image') parts.push(current.alt ?? '');
    else if (current.type === 'break') parts.push('\n');
    else if ('children' in current) {
      const children = (current as Parents).children;
      // Blocks inside a list item read as separate lines.
      if (current.type === 'listItem' && parts.length > 0) parts.push('\n');
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    if (current.type === 'paragraph' || current.type === 'heading') parts.push('\n');
  }
  return parts.join('').replace(/\n+/g, '\n').trim();
}

function isComment(html: string): boolean {
  return html.trimStart().startsWith('<!--');
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
