// Finds an executable on a PATH by looking in its directories ourselves: spawning by bare name
// makes the kernel try every directory (one failed execve each), on every spawn.

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * The first `directory/name` on `path` (a PATH string) that is an executable file; undefined when
 * none is. Relative directories (`.`, empty) are skipped: they would name a program the workspace
 * controls. Looked up afresh each time (a few access calls, microseconds; no state kept in the
 * process). Never throws. The one PATH search of the gate: git, tool lookups, the default shell.
 */
export function findExecutable(name: string, path: string): string | undefined {
  for (const directory of path.split(delimiter).filter(isAbsolute)) {
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}
