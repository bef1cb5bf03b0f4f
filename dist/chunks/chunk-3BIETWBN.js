import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  GIT_PROBE,
  HEAD_READS,
  TAG_LIST,
  git
} from "./chunk-YL5WPKTG.js";

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
  const started = new Map(questions.map((args) => [key(cwd, args), git2(cwd, [...args])]));
  return (dir, args) => {
    const answer = started.get(key(dir, args));
    if (!answer) return git2(dir, args);
    started.delete(key(dir, args));
    return answer;
  };
}

export {
  enableCompileCache,
  HEAD_QUESTIONS,
  INSPECT_QUESTIONS,
  prefetchGit
};
