import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  HEAD_QUESTIONS,
  INSPECT_QUESTIONS,
  codeCacheDirectory,
  enableCompileCache,
  loadWithCodeCache,
  prefetchGit
} from "./chunks/chunk-OPBO7EPB.js";

// src/action/index.ts
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
enableCompileCache();
var workspace = process.env.GITHUB_WORKSPACE;
var git = workspace && ["", "."].includes((process.env["INPUT_WORKING-DIRECTORY"] ?? "").trim()) ? prefetchGit(resolve(workspace), [...HEAD_QUESTIONS, ...HEAD_QUESTIONS, ...INSPECT_QUESTIONS]) : void 0;
var bundle = loadWithCodeCache(
  fileURLToPath(new URL("./action-main.cjs", import.meta.url)),
  codeCacheDirectory(process.env.CUTOVER_CHECKPOINT_CODE_CACHE),
  "action"
);
await bundle.exports.run(git);
bundle.saveCache();
