#!/usr/bin/env node
import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  INSPECT_QUESTIONS,
  enableCompileCache,
  prefetchGit
} from "./chunks/chunk-WSGTQKM7.js";
import "./chunks/chunk-KVAU3R6B.js";
import "./chunks/chunk-WSMUT4KD.js";

// src/cli/index.ts
enableCompileCache();
var argv = process.argv.slice(2);
var git = (argv[0] === "run" || argv[0] === "validate") && !argv.some((arg) => arg === "--cwd" || arg.startsWith("--cwd=")) ? prefetchGit(process.cwd(), INSPECT_QUESTIONS) : void 0;
var { main } = await import("./chunks/main-VM4XTCTH.js");
process.exitCode = await main(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version: "0.1.0",
  cwd: process.cwd(),
  ...git ? { git } : {}
});
