// The code cache's files (see code-cache.ts): a private directory, and cache files that carry the
// SHA-256 of their data so a damaged one is never handed to V8.

import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

const DIGEST_BYTES = 32;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A temporary file this old was left by a run that died while writing: removed. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;
/**
 * Another build's cache unused this long is removed when a cache is written (a used cache has its
 * time renewed once a day). Not sooner: two installs used in turn (a global CLI and a project's)
 * would otherwise remove each other's cache on every run, and neither would ever be used.
 */
const UNUSED_CACHE_MS = 7 * DAY_MS;

/** Creates `dir` (0700) if absent; true when it is this user's and only this user can write it. */
export function trustedDirectory(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return ownedAndPrivate(dir, true) !== undefined;
  } catch {
    return false;
  }
}

/** The cache data in `file` when this user wrote it (owned, private) and it is intact. */
export function readCache(file: string): Buffer | undefined {
  try {
    const stat = ownedAndPrivate(file, false);
    if (!stat) return undefined;
    const stored = readFileSync(file);
    if (stored.length <= DIGEST_BYTES) return undefined;
    const data = stored.subarray(DIGEST_BYTES);
    const digest = createHash('sha256').update(data).digest();
    if (!digest.equals(stored.subarray(0, DIGEST_BYTES))) return undefined;
    // Marks it in use (see UNUSED_CACHE_MS), at most once a day.
    if (Date.now() - stat.mtimeMs > DAY_MS) utimesSync(file, new Date(), new Date());
    return data;
  } catch {
    return undefined;
  }
}

/**
 * Writes `data()` with its digest to `file` atomically (a temporary file renamed), and removes
 * the caches of other builds of the same kind (the name's part after the digest) unused for a
 * week, and temporary files left by runs that died. Never throws; false when nothing was written.
 */
export function writeCache(file: string, data: () => Buffer): boolean {
  try {
    const payload = data();
    const digest = createHash('sha256').update(payload).digest();
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([digest, payload]), { mode: 0o600, flag: 'wx' });
    renameSync(temporary, file);
  } catch {
    return false; // a full or read-only disk: the next run compiles again
  }
  pruneOthers(file);
  return true;
}

function pruneOthers(file: string): void {
  const name = basename(file);
  const kind = name.slice(name.indexOf('-'));
  try {
    for (const other of readdirSync(dirname(file))) {
      const path = join(dirname(file), other);
      if (other === name || !(other.endsWith('.tmp') || other.endsWith(kind))) continue;
      const age = Date.now() - lstatSync(path).mtimeMs;
      if (age > (other.endsWith('.tmp') ? STALE_TEMPORARY_MS : UNUSED_CACHE_MS))
        rmSync(path, { force: true });
    }
  } catch {
    // pruning is tidiness only
  }
}

/** The path's stats when it is this user's and only this user can write it; else undefined. */
function ownedAndPrivate(path: string, directory: boolean): Stats | undefined {
  if (typeof process.getuid !== 'function') return undefined;
  const stat = lstatSync(path);
  if (directory ? !stat.isDirectory() : !stat.isFile()) return undefined;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0 ? stat : undefined;
}
