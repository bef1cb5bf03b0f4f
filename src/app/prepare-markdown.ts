// Reads the Markdown documents while the rest of the evidence is being collected. The CommonMark
// parser costs CPU (~10 ms to load, a few ms per document cold); started once git and the tool
// probes are running, it overlaps their wait instead of adding to the gate's start-up.

import type { CheckpointConfig } from '../core/config/config-types.js';
import { loadMarkdownReader, needsMarkdown } from '../core/markdown/load-markdown.js';
import type { MarkdownOutline, ReadMarkdown } from '../core/markdown/outline.js';
import type { WorkspacePort } from './ports.js';

/**
 * Starts loading the reader and parsing the config's documents and changelog in the background;
 * resolves to a reader that answers from those parses (and parses anything else on demand).
 * Undefined when the config reads no Markdown. Never rejects for a file it cannot read.
 */
export function prepareMarkdown(
  config: CheckpointConfig,
  workspace: WorkspacePort,
): Promise<ReadMarkdown> | undefined {
  if (!needsMarkdown(config)) return undefined;
  return (async () => {
    // Let evidence collection issue its reads and spawns first.
    await new Promise((resolve) => setImmediate(resolve));
    const read = await loadMarkdownReader();
    const outlines = new Map<string, MarkdownOutline>();
    const cached: ReadMarkdown = (text) => {
      let outline = outlines.get(text);
      if (!outline) outlines.set(text, (outline = read(text)));
      return outline;
    };
    const paths = [
      ...config.documents.map((d) => d.path),
      ...(config.changelog ? [config.changelog.path] : []),
    ];
    for (const path of paths) {
      const file = await workspace.readFile(path, config.limits.maxFileBytes);
      if (file.kind === 'ok') cached(file.text);
      // Yield between documents so finished child processes are handled in between.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return cached;
  })();
}
