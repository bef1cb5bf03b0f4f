import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);

// src/adapters/compile-cache.ts
import module from "node:module";
function enableCompileCache() {
  try {
    module.enableCompileCache?.();
  } catch {
  }
}

export {
  enableCompileCache
};
