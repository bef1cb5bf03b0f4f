import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  HEAD_QUESTIONS,
  INSPECT_QUESTIONS,
  enableCompileCache,
  prefetchGit
} from "./chunks/chunk-C75GXYJ2.js";
import "./chunks/chunk-QKAUVJBQ.js";
import "./chunks/chunk-WSMUT4KD.js";

// src/action/index.ts
import { resolve } from "node:path";
enableCompileCache();
var workspace = process.env.GITHUB_WORKSPACE;
var git = workspace && ["", "."].includes((process.env["INPUT_WORKING-DIRECTORY"] ?? "").trim()) ? prefetchGit(resolve(workspace), [...HEAD_QUESTIONS, ...HEAD_QUESTIONS, ...INSPECT_QUESTIONS]) : void 0;
var { run } = await import("./chunks/run-56ILILYM.js");
void run(git);
