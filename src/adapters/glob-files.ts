// Expands a workspace glob (`*`, `**`, `?`) to files, for the Action's `aggregate` input, where
// downloaded shard records land in one directory per artifact.

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globToRegExp } from '../core/glob.js';

export { globToRegExp };

/** Files under `root` matching `glob`, sorted; .git and node_modules are not searched. */
export function globFiles(root: string, glob: string): string[] {
  const regex = globToRegExp(glob.replace(/^\.\//, ''));
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (regex.test(relative(root, path))) found.push(relative(root, path));
    }
  };
  walk(root);
  return found.sort();
}
