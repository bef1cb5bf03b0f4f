// Loads the Markdown reader only when a document or changelog check will run: the parser is the
// largest piece of the gate that most runs of `validate` on artifacts alone never need.

import type { CheckpointConfig } from '../config/config-types.js';
import type { ReadMarkdown } from './outline.js';

/** True when the config has a document or changelog check, i.e. when Markdown will be read. */
export function needsMarkdown(config: Pick<CheckpointConfig, 'documents' | 'changelog'>): boolean {
  return config.documents.length > 0 || config.changelog !== undefined;
}

/** Imports the CommonMark + GFM reader (dynamic import, so it stays out of start-up otherwise). */
export async function loadMarkdownReader(): Promise<ReadMarkdown> {
  const module = await import('./read-markdown.js');
  return module.readMarkdown;
}
