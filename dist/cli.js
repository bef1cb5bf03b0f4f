#!/usr/bin/env node
import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  INSPECT_QUESTIONS,
  codeCacheDirectory,
  enableCompileCache,
  loadWithCodeCache,
  prefetchGit
} from "./chunks/chunk-OPBO7EPB.js";

// src/cli/index.ts
import { fileURLToPath } from "node:url";
enableCompileCache();
var argv = process.argv.slice(2);
var git = (argv[0] === "run" || argv[0] === "validate") && !argv.some((arg) => arg === "--cwd" || arg.startsWith("--cwd=")) ? prefetchGit(process.cwd(), INSPECT_QUESTIONS) : void 0;
var flavour = ["run", "validate", "aggregate", "verify-record"].includes(argv[0] ?? "") ? argv[0] : "other";
var bundle = loadWithCodeCache(
  fileURLToPath(new URL("./cli-main.cjs", import.meta.url)),
  codeCacheDirectory(process.env.CUTOVER_CHECKPOINT_CODE_CACHE),
  flavour
);
process.exitCode = await bundle.exports.main(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version: "0.1.0",
  cwd: process.cwd(),
  ...git ? { git } : {}
});
bundle.saveCache();
