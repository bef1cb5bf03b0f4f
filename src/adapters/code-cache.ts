// Loads a CommonJS bundle through V8 with a code cache kept between runs: the CLI's compile and
// first-call compile work (a third of its start-up on Node 20, which has no compile cache for
// modules) is done once and read back later, as `v8-compile-cache` does for `require` and Node
// ≥ 22.1 does for modules (module.enableCompileCache).
//
// A cache is code this process will run, so it is trusted no more than the bundle itself:
// - only where this user may change the bundle (a read-only install, e.g. root's global one run
//   by a CI user, gets no cache: a verification command could otherwise plant code there);
// - only in a directory only this user can write: created 0700, used when it is a real directory
//   (not a link) owned by this user without group or other write bits; not at all where there are
//   no user ids to check (Windows);
// - only intact: V8 checks no more than a cache's header, length and flags (a damaged file can
//   crash it, hang it or change what the code does), so each file carries the SHA-256 of its data;
// - only for this very bundle: named by the SHA-256 of its source and path (V8 takes stack traces'
//   file names from the cache), Node's flags, version and architecture.
// Anything else, and any read or write error, means no cache: the bundle is compiled as usual.

import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { readCache, trustedDirectory, writeCache } from './code-cache-files.js';

/** A loaded bundle: its exports, and whether to write its code cache now. */
export interface CachedBundle<T> {
  exports: T;
  /** Whether V8 took the cache (false: there was none, it was damaged, or V8 rejected it). */
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
  if (override) return override;
  return typeof process.getuid === 'function'
    ? join(tmpdir(), `cutover-checkpoint-code-cache-${process.getuid()}`)
    : undefined;
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
  // The build writes these bundles as ASCII: read as Latin-1 they need no decoding, and V8 keeps
  // the source (for lazy compiling) at one byte a character.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const dir = cacheDir && mayChange(file) && trustedDirectory(cacheDir) ? cacheDir : undefined;
  const digest = createHash('sha256')
    .update(bytes)
    .update(`\0${file}\0${process.execArgv.join('\0')}\0${process.env.NODE_OPTIONS ?? ''}`)
    .digest('hex');
  const name = `${digest.slice(0, 32)}-${process.version}-${process.arch}-${flavour.replace(/[^\w-]/g, '_')}.bin`;
  const cacheFile = dir ? join(dir, name) : undefined;
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
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
    saveCache: () =>
      !cacheUsed &&
      cacheFile !== undefined &&
      writeCache(cacheFile, () => script.createCachedData()),
  };
}

/** Whether this user may write `file` (then a cache lets them do nothing they could not). */
function mayChange(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
