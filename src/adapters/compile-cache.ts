// V8's compile cache on disk (Node ≥ 22.1: module.enableCompileCache): later runs skip compiling
// the bundle. Node 20 has no such API, and then this does nothing.

import module from 'node:module';

/** Turns the cache on where Node has it; never throws (a read-only cache directory is fine). */
export function enableCompileCache(): void {
  try {
    (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // no cache: only slower
  }
}
