// Loads a CommonJS bundle through V8 with a code cache kept between runs: the CLI's compile and
// first-call compile work (a third of its start-up on Node 20, which has no compile cache for
// modules) is done once and read back later, as `v8-compile-cache` does for `require` and Node
// ≥ 22.1 does for modules (module.enableCompileCache).
//
// The cache is code this process will run, so only a directory that only this user can write is
// trusted: created 0700, and used only when it is a real directory (not a link) owned by this user
// with no group or other write bit. Anything else, and any read or write error, means no cache:
// the bundle is compiled as usual. V8 checks only a cache's length and flags against the source,
// so a file is named by the SHA-256 of the source itself (a rebuild of the same length never
// reuses an old cache), Node's flags, version and architecture.

import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** A loaded bundle: its exports, and whether to write its code cache now. */
export interface CachedBundle<T> {
  exports: T;
  /** Whether V8 took the cache (false: there was none, or V8 rejected it). */
  cacheUsed: boolean;
  /**
   * Writes the cache of everything compiled so far (call after the work, so the functions a run
   * calls are in it) when none was used; never throws. Returns whether a cache file was written.
   */
  saveCache(): boolean;
}

/** Where caches go: `override` ('off' for none), else a per-user directory under the temp dir. */
export function codeCacheDirectory(override: string | undefined): string | undefined {
  if (override === 'off' || override === '0') return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  return (
    override || join(tmpdir(), `cutover-checkpoint-code-cache${uid === undefined ? '' : `-${uid}`}`)
  );
}

/**
 * Runs the CommonJS file `file` (its `module.exports` returned) with V8's code cache from
 * `cacheDir` under the name `flavour` (one cache per kind of run: what a run compiles differs).
 * `cacheDir` undefined: no cache. Throws what the bundle's top level throws.
 */
export function loadWithCodeCache<T>(
  file: string,
  cacheDir: string | undefined,
  flavour: string,
): CachedBundle<T> {
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const dir = cacheDir && trustedDirectory(cacheDir) ? cacheDir : undefined;
  // V8 also rejects a cache made under other flags; naming them keeps one cache per set.
  const digest = createHash('sha256')
    .update(bytes)
    .update(`\0${process.execArgv.join('\0')}\0${process.env.NODE_OPTIONS ?? ''}`)
    .digest('hex');
  const name = `${digest.slice(0, 32)}-${process.version}-${process.arch}-${flavour.replace(/[^\w-]/g, '_')}.bin`;
  const cacheFile = dir ? join(dir, name) : undefined;
  const cachedData = cacheFile ? readOwnFile(cacheFile) : undefined;
  // The wrapper stays on the first line, so the bundle's line numbers (stack traces) are kept.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: file, ...(cachedData ? { cachedData } : {}) },
  );
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
  );
  return {
    exports: module.exports,
    cacheUsed,
    saveCache() {
      if (cacheUsed || !cacheFile) return false;
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600, flag: 'wx' });
        renameSync(temporary, cacheFile);
        return true;
      } catch {
        return false; // a full or read-only disk: the next run compiles again
      }
    },
  };
}

/** Creates `dir` (0700) if absent; true when it is this user's and only this user can write it. */
function trustedDirectory(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return ownedAndPrivate(dir, true);
  } catch {
    return false;
  }
}

/** A cache file this user wrote (regular, owned, not writable by others), or undefined. */
function readOwnFile(file: string): Buffer | undefined {
  try {
    return ownedAndPrivate(file, false) ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function ownedAndPrivate(path: string, directory: boolean): boolean {
  const stat = lstatSync(path);
  if (directory ? !stat.isDirectory() : !stat.isFile()) return false;
  if (typeof process.getuid !== 'function') return true; // Windows: the temp dir is per user
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}
