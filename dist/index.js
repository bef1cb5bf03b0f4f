import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  enableCompileCache
} from "./chunks/chunk-ANEPRU7E.js";
import "./chunks/chunk-WSMUT4KD.js";

// src/action/index.ts
enableCompileCache();
var { run } = await import("./chunks/run-FAFT5YNO.js");
void run();
