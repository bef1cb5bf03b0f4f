import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  GIT_PROBE,
  HEAD_READS,
  TAG_LIST,
  git
} from "./chunk-QKAUVJBQ.js";

// src/adapters/compile-cache.ts
import module from "node:module";
function enableCompileCache() {
  try {
    module.enableCompileCache?.();
  } catch {
  }
}

// src/adapters/git-prefetch.ts
var HEAD_QUESTIONS = HEAD_READS;
var INSPECT_QUESTIONS = [GIT_PROBE, TAG_LIST];
function prefetchGit(cwd, questions, git2 = git) {
  const key = (dir, args) => JSON.stringify([dir, ...args]);
  const started = /* @__PURE__ */ new Map();
  for (const args of questions) {
    const known = started.get(key(cwd, args));
    if (known) known.uses++;
    else started.set(key(cwd, args), { answer: git2(cwd, [...args]), uses: 1 });
  }
  return (dir, args) => {
    const found = started.get(key(dir, args));
    if (!found) return git2(dir, args);
    if (--found.uses === 0) started.delete(key(dir, args));
    return found.answer;
  };
}

export {
  enableCompileCache,
  HEAD_QUESTIONS,
  INSPECT_QUESTIONS,
  prefetchGit
};
