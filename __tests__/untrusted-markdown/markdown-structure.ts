// Parses Markdown the way GitHub does (CommonMark + GFM, through micromark) and reduces it to
// what an injected value must not change: its block and emphasis structure, its raw HTML, and
// the text where a mention or an issue reference would be linked.

import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean | null;
  lang?: string | null;
  url?: string;
  children?: MdNode[];
}

/** What a parse yields for the fuzz assertions. */
export interface MarkdownShape {
  /** One entry per structural node, in document order (text and code spans left out). */
  structure: string[];
  /** Raw HTML nodes, verbatim. */
  html: string[];
  /** Text nodes (where GitHub links mentions and references). */
  texts: string[];
  /** Fenced code blocks. */
  code: { lang: string | null; value: string }[];
  /** Links: url and the text shown. */
  links: { url: string; text: string }[];
}

// Built once: micromark combines the extensions on every parse it is handed new ones.
const OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/** Parses `markdown` and collects its shape. */
export function shapeOf(markdown: string): MarkdownShape {
  const tree = fromMarkdown(markdown, OPTIONS) as MdNode;
  const shape: MarkdownShape = { structure: [], html: [], texts: [], code: [], links: [] };
  const visit = (node: MdNode) => {
    switch (node.type) {
      case 'text':
        shape.texts.push(node.value ?? '');
        return;
      case 'inlineCode':
        return;
      case 'link':
        shape.links.push({ url: node.url ?? '', text: textOf(node) });
        break;
      case 'html':
        shape.html.push(node.value ?? '');
        shape.structure.push('html');
        return;
      case 'code':
        shape.code.push({ lang: node.lang ?? null, value: node.value ?? '' });
        shape.structure.push(`code:${node.lang ?? ''}`);
        return;
      case 'heading':
        shape.structure.push(`heading:${node.depth}`);
        break;
      case 'list':
        shape.structure.push(`list:${node.ordered ? 'ol' : 'ul'}:${node.children?.length}`);
        break;
      case 'table':
      case 'tableRow':
        shape.structure.push(`${node.type}:${node.children?.length}`);
        break;
      default:
        if (node.type !== 'root') shape.structure.push(node.type);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return shape;
}

function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}
