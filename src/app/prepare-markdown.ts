// Parses the Markdown documents while git, the tool probes and API lookups run. The CommonMark
// parser costs CPU (~10 ms to load, a few ms per document while cold); done while the main thread
// would only wait for child processes, it overlaps that wait instead of adding to start-up.

import type { CheckpointConfig } from '../core/config/config-types.js';
import type { FileRead } from '../core/evidence.js';
import { loadMarkdownReader, needsMarkdown } from '../core/markdown/load-markdown.js';
import type { MarkdownOutline, ReadMarkdown } from '../core/markdown/outline.js';
import { documentNeedsTree } from '../core/checks/documents.js';

/** The Markdown reader of one run: started early, awaited by the judge. */
export interface MarkdownPreparation {
  /** Starts loading the reader and parsing the given files' documents (evidence collection calls it). */
  start(files: Readonly<Record<string, FileRead>>): void;
  /** The reader, answering from the parses already made; undefined when no Markdown is read. */
  ready(): Promise<ReadMarkdown | undefined>;
}

/** Prepares the reader for a config's documents and changelog. Never rejects for a file. */
export function prepareMarkdown(config: CheckpointConfig): MarkdownPreparation {
  let reader: Promise<ReadMarkdown> | undefined;
  // The module starts loading now: its file is read while the evidence files are, and it is
  // compiled in a gap of the main thread instead of after the files are in.
  const module = needsMarkdown(config) ? loadMarkdownReader() : undefined;
  module?.catch(() => undefined);
  // Only what the checks will ask the reader for (documentNeedsTree), so nothing is parsed twice
  // or for nothing.
  const wanted = (files: Readonly<Record<string, FileRead>>) => [
    ...config.documents.flatMap((d) => {
      const file = files[d.path];
      return file?.kind === 'ok' && documentNeedsTree(d, file.text) ? [file.text] : [];
    }),
    ...(config.changelog && files[config.changelog.path]?.kind === 'ok'
      ? [(files[config.changelog.path] as { text: string }).text]
      : []),
  ];
  const load = (files: Readonly<Record<string, FileRead>>) =>
    (reader ??= (async () => {
      // One macrotask per step, so child processes that finish meanwhile are handled in between.
      await nextTurn();
      const read = await (module ?? loadMarkdownReader());
      const outlines = new Map<string, MarkdownOutline>();
      const cached: ReadMarkdown = (text) => {
        let outline = outlines.get(text);
        if (!outline) outlines.set(text, (outline = read(text)));
        return outline;
      };
      for (const text of wanted(files)) {
        await nextTurn();
        cached(text);
      }
      return cached;
    })());
  return {
    start(files) {
      // A fault in the parse is thrown by ready(); until then (or if the run stops before it
      // asks) the rejection must not go unhandled and take the process down.
      if (needsMarkdown(config)) load(files).catch(() => undefined);
    },
    async ready() {
      return needsMarkdown(config) ? load({}) : undefined;
    },
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
