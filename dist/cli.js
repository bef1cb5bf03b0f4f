#!/usr/bin/env node
import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  INSPECT_QUESTIONS,
  enableCompileCache,
  prefetchGit
} from "./chunks/chunk-C75GXYJ2.js";
import "./chunks/chunk-QKAUVJBQ.js";
import "./chunks/chunk-WSMUT4KD.js";

// src/cli/index.ts
import { fileURLToPath } from "node:url";

// src/adapters/code-cache.ts
import { createHash as createHash2 } from "node:crypto";
import { accessSync, constants, readFileSync as readFileSync2 } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname as dirname2, join as join2 } from "node:path";
import { Script } from "node:vm";

// src/adapters/code-cache-files.ts
import { createHash } from "node:crypto";
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from "node:fs";
import { basename, dirname, join } from "node:path";
var DIGEST_BYTES = 32;
var STALE_TEMPORARY_MS = 60 * 60 * 1e3;
function trustedDirectory(dir) {
  try {
    mkdirSync(dir, { recursive: true, mode: 448 });
    return ownedAndPrivate(dir, true);
  } catch {
    return false;
  }
}
function readCache(file) {
  try {
    if (!ownedAndPrivate(file, false)) return void 0;
    const stored = readFileSync(file);
    if (stored.length <= DIGEST_BYTES) return void 0;
    const data = stored.subarray(DIGEST_BYTES);
    const digest = createHash("sha256").update(data).digest();
    return digest.equals(stored.subarray(0, DIGEST_BYTES)) ? data : void 0;
  } catch {
    return void 0;
  }
}
function writeCache(file, data) {
  try {
    const payload = data();
    const digest = createHash("sha256").update(payload).digest();
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([digest, payload]), { mode: 384, flag: "wx" });
    renameSync(temporary, file);
  } catch {
    return false;
  }
  pruneOthers(file);
  return true;
}
function pruneOthers(file) {
  const name = basename(file);
  const kind = name.slice(name.indexOf("-"));
  try {
    for (const other of readdirSync(dirname(file))) {
      const path = join(dirname(file), other);
      const stale = other.endsWith(".tmp") && Date.now() - lstatSync(path).mtimeMs > STALE_TEMPORARY_MS;
      if (stale || other !== name && other.endsWith(kind)) rmSync(path, { force: true });
    }
  } catch {
  }
}
function ownedAndPrivate(path, directory) {
  if (typeof process.getuid !== "function") return false;
  const stat = lstatSync(path);
  if (directory ? !stat.isDirectory() : !stat.isFile()) return false;
  return stat.uid === process.getuid() && (stat.mode & 18) === 0;
}

// src/adapters/code-cache.ts
function codeCacheDirectory(override) {
  if (override === "off" || override === "0") return void 0;
  if (override) return override;
  return typeof process.getuid === "function" ? join2(tmpdir(), `cutover-checkpoint-code-cache-${process.getuid()}`) : void 0;
}
function loadWithCodeCache(file, cacheDir, flavour2) {
  const bytes = readFileSync2(file);
  const source = bytes.toString("utf8");
  const dir = cacheDir && mayChange(file) && trustedDirectory(cacheDir) ? cacheDir : void 0;
  const digest = createHash2("sha256").update(bytes).update(`\0${file}\0${process.execArgv.join("\0")}\0${process.env.NODE_OPTIONS ?? ""}`).digest("hex");
  const name = `${digest.slice(0, 32)}-${process.version}-${process.arch}-${flavour2.replace(/[^\w-]/g, "_")}.bin`;
  const cacheFile = dir ? join2(dir, name) : void 0;
  const cachedData = cacheFile ? readCache(cacheFile) : void 0;
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
    dirname2(file)
  );
  return {
    exports: module.exports,
    cacheUsed,
    saveCache: () => !cacheUsed && cacheFile !== void 0 && writeCache(cacheFile, () => script.createCachedData())
  };
}
function mayChange(file) {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
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
