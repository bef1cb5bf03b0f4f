// Writes the evidence directory (record, report, logs), creating it as needed.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { OutputPort } from '../app/ports.js';

/** An output port rooted at `directory`. */
export function createOutputDir(directory: string): OutputPort & { readonly directory: string } {
  const root = resolve(directory);
  return {
    directory: root,
    async writeFile(path, text) {
      const target = resolve(root, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
      return target;
    },
  };
}
