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
import { fileURLToPath } from "node:url";

// src/adapters/code-cache.ts
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
function codeCacheDirectory(override) {
  if (override === "off" || override === "0") return void 0;
  const uid = typeof process.getuid === "function" ? process.getuid() : void 0;
  return override || join(tmpdir(), `cutover-checkpoint-code-cache${uid === void 0 ? "" : `-${uid}`}`);
}
function loadWithCodeCache(file, cacheDir, flavour2) {
  const bytes = readFileSync(file);
  const source = bytes.toString("utf8");
  const dir = cacheDir && trustedDirectory(cacheDir) ? cacheDir : void 0;
  const digest = createHash("sha256").update(bytes).update(`\0${process.execArgv.join("\0")}\0${process.env.NODE_OPTIONS ?? ""}`).digest("hex");
  const name = `${digest.slice(0, 32)}-${process.version}-${process.arch}-${flavour2.replace(/[^\w-]/g, "_")}.bin`;
  const cacheFile = dir ? join(dir, name) : void 0;
  const cachedData = cacheFile ? readOwnFile(cacheFile) : void 0;
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}
})`,
    { filename: file, ...cachedData ? { cachedData } : {} }
  );
  const cacheUsed = cachedData !== void 0 && !script.cachedDataRejected;
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file)
  );
  return {
    exports: module.exports,
    cacheUsed,
    saveCache() {
      if (cacheUsed || !cacheFile) return false;
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 384, flag: "wx" });
        renameSync(temporary, cacheFile);
        return true;
      } catch {
        return false;
      }
    }
  };
}
function trustedDirectory(dir) {
  try {
    mkdirSync(dir, { recursive: true, mode: 448 });
    return ownedAndPrivate(dir, true);
  } catch {
    return false;
  }
}
function readOwnFile(file) {
  try {
    return ownedAndPrivate(file, false) ? readFileSync(file) : void 0;
  } catch {
    return void 0;
  }
}
function ownedAndPrivate(path, directory) {
  const stat = lstatSync(path);
  if (directory ? !stat.isDirectory() : !stat.isFile()) return false;
  if (typeof process.getuid !== "function") return true;
  return stat.uid === process.getuid() && (stat.mode & 18) === 0;
}

// src/cli/index.ts
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
