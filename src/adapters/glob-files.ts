// Expands a workspace glob (`*`, `**`, `?`) to files, for the Action's `aggregate` input, where
// downloaded shard records land in one directory per artifact.

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Converts a glob to a regular expression over '/'-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      pattern += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') pattern += '[^/]*';
    else if (c === '?') pattern += '[^/]';
    else pattern += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

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
