// Paths in config are workspace-relative. This decides, without touching the disk, whether a path
// stays inside the workspace; the file adapter separately refuses symlinks that lead out.

/** Normalizes a workspace-relative path, or explains why it escapes the workspace. */
export function normalizeWorkspacePath(
  path: string,
): { ok: true; path: string } | { ok: false; reason: string } {
  if (path.includes('\0')) return { ok: false, reason: 'contains a NUL character' };
  if (/^([A-Za-z]:)?[\\/]/.test(path) || path.startsWith('~')) {
    return { ok: false, reason: 'is absolute; paths are relative to the workspace root' };
  }
  const parts: string[] = [];
  for (const part of path.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return { ok: false, reason: "leaves the workspace through '..'" };
      parts.pop();
    } else parts.push(part);
  }
  return { ok: true, path: parts.length === 0 ? '.' : parts.join('/') };
}

/** Joins a workspace-relative directory and a relative path (both already normalized). */
export function joinWorkspacePath(directory: string, path: string): string {
  return directory === '.' ? path : `${directory}/${path}`;
}

/** The directory part of a workspace-relative path. */
export function workspaceDirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index === -1 ? '.' : path.slice(0, index);
}

/**
 * Orders paths by UTF-16 code units (what `Array.prototype.sort` does without a comparator): the
 * same order on every machine, unlike `localeCompare`, which follows the ICU locale (and builds a
 * collator on first use, ~15 ms of start-up).
 */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
