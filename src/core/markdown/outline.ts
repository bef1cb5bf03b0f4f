// What the document and changelog checks need from a Markdown text, as plain data taken from a
// CommonMark + GFM tree (read-markdown.ts): headings, task boxes, the blocks a reader sees in
// order, and the text with HTML comments removed. Positions are 1-based, like annotations.

/** A heading: ATX or setext, anywhere in the document. */
export interface MarkdownHeading {
  /** 1–6. */
  depth: number;
  /** The heading's plain text (links and emphasis flattened). */
  text: string;
  line: number;
}

/** A GFM task list item (`- [ ] …`), in any list, block quote or nesting depth. */
export interface MarkdownTask {
  checked: boolean;
  /** The item's first paragraph, plain text; '' for a bare `- [ ]`. */
  text: string;
  line: number;
}

/**
 * One unit of the document's reading order, for sections: every top-level block, except that
 * lists contribute one unit per item and block quotes their own blocks. HTML comments are left out.
 */
export interface MarkdownBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'code' | 'html' | 'other';
  /** Heading depth (1–6); 0 for every other kind. */
  depth: number;
  /** Plain text, HTML comments removed. */
  text: string;
  line: number;
}

/** The parts of a Markdown document the checks read. */
export interface MarkdownOutline {
  headings: MarkdownHeading[];
  tasks: MarkdownTask[];
  blocks: MarkdownBlock[];
  /** The source text with every HTML comment blanked out (what a reader of the rendered page sees). */
  visibleText: string;
}

/** Reads a Markdown text into its outline. Never throws on any input. */
export type ReadMarkdown = (text: string) => MarkdownOutline;
