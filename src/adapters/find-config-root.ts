// Where the gate's workspace is when the CLI is started below it: run from `docs/`, the default
// config is not there, so look upward, as git and npm do, but never past the repository root.

import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The nearest directory at or above `start` that holds `configPath`, stopping at the first one
 * that holds `.git` (the repository root) or at the file-system root. Returns `start` itself when
 * the config is there or found nowhere (the run then reports it missing where it was asked for).
 */
export function findConfigRoot(start: string, configPath: string): string {
  let dir = start;
  for (;;) {
    if (isFile(join(dir, configPath))) return dir;
    const parent = dirname(dir);
    if (existsSync(join(dir, '.git')) || parent === dir) return start;
    dir = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
