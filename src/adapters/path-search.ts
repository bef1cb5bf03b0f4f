// Finds an executable on a PATH by looking in its directories ourselves: spawning by bare name
// makes the kernel try every directory (one failed execve each), on every spawn.

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

const cache = new Map<string, string | null>();

/**
 * The first `directory/name` on `path` (a PATH string) that is an executable file; undefined when
 * none is. Relative directories (`.`, empty) are skipped: they would name a program the workspace
 * controls. Answers are cached per (path, name) for the life of the process. Never throws.
 */
export function findExecutable(name: string, path: string): string | undefined {
  const key = `${path}\0${name}`;
  const known = cache.get(key);
  if (known !== undefined) return known ?? undefined;
  let found: string | null = null;
  for (const directory of path.split(delimiter).filter(isAbsolute)) {
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (!statSync(candidate).isFile()) continue;
      found = candidate;
      break;
    } catch {
      // not here; keep looking
    }
  }
  cache.set(key, found);
  return found ?? undefined;
}
