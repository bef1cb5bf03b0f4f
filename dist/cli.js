#!/usr/bin/env node
import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  enableCompileCache
} from "./chunks/chunk-ANEPRU7E.js";
import "./chunks/chunk-WSMUT4KD.js";

// src/cli/index.ts
enableCompileCache();
var { main } = await import("./chunks/main-YNLUMT2F.js");
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version: "0.1.0"
});
