import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);

// src/adapters/code-cache.ts
import { isAscii } from "node:buffer";
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
  utimesSync,
  writeFileSync
} from "node:fs";
import { basename, dirname, join } from "node:path";
var DIGEST_BYTES = 32;
var DAY_MS = 24 * 60 * 60 * 1e3;
var STALE_TEMPORARY_MS = 60 * 60 * 1e3;
var UNUSED_CACHE_MS = 7 * DAY_MS;
function trustedDirectory(dir) {
  try {
    mkdirSync(dir, { recursive: true, mode: 448 });
    return ownedAndPrivate(dir, true) !== void 0;
  } catch {
    return false;
  }
}
function readCache(file) {
  try {
    const stat = ownedAndPrivate(file, false);
    if (!stat) return void 0;
    const stored = readFileSync(file);
    if (stored.length <= DIGEST_BYTES) return void 0;
    const data = stored.subarray(DIGEST_BYTES);
    const digest = createHash("sha256").update(data).digest();
    if (!digest.equals(stored.subarray(0, DIGEST_BYTES))) return void 0;
    if (Date.now() - stat.mtimeMs > DAY_MS) utimesSync(file, /* @__PURE__ */ new Date(), /* @__PURE__ */ new Date());
    return data;
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
      if (other === name || !(other.endsWith(".tmp") || other.endsWith(kind))) continue;
      const age = Date.now() - lstatSync(path).mtimeMs;
      if (age > (other.endsWith(".tmp") ? STALE_TEMPORARY_MS : UNUSED_CACHE_MS))
        rmSync(path, { force: true });
    }
  } catch {
  }
}
function ownedAndPrivate(path, directory) {
  if (typeof process.getuid !== "function") return void 0;
  const stat = lstatSync(path);
  if (directory ? !stat.isDirectory() : !stat.isFile()) return void 0;
  return stat.uid === process.getuid() && (stat.mode & 18) === 0 ? stat : void 0;
}

// src/adapters/code-cache.ts
function codeCacheDirectory(override) {
  if (override === "off" || override === "0") return void 0;
  if (override) return override;
  return typeof process.getuid === "function" ? join2(tmpdir(), `cutover-checkpoint-code-cache-${process.getuid()}`) : void 0;
}
function loadWithCodeCache(file, cacheDir, flavour) {
  const bytes = readFileSync2(file);
  const source = bytes.toString(isAscii(bytes) ? "latin1" : "utf8");
  const dir = cacheDir && mayChange(file) && trustedDirectory(cacheDir) ? cacheDir : void 0;
  const digest = createHash2("sha256").update(bytes).update(`\0${file}\0${process.execArgv.join("\0")}\0${process.env.NODE_OPTIONS ?? ""}`).digest("hex");
  const name = `${digest.slice(0, 32)}-${process.version}-${process.arch}-${flavour.replace(/[^\w-]/g, "_")}.bin`;
  const cacheFile = dir ? join2(dir, name) : void 0;
  const cachedData = cacheFile ? readCache(cacheFile) : void 0;
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}
})`,
    { filename: file, ...cachedData ? { cachedData } : {} }
  );
  const cacheUsed = cachedData !== void 0 && !script.cachedDataRejected;
  const module2 = { exports: {} };
  script.runInThisContext()(
    module2.exports,
    createRequire(file),
    module2,
    file,
    dirname2(file)
  );
  return {
    exports: module2.exports,
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

// src/adapters/compile-cache.ts
import module from "node:module";
function enableCompileCache() {
  try {
    module.enableCompileCache?.();
  } catch {
  }
}

// src/adapters/git-exec.ts
import { execFile } from "node:child_process";

// src/core/redact.ts
var TOKEN_PATTERNS = [
  /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g
];

// src/adapters/child-env.ts
var RUNNER_CHANNELS = /* @__PURE__ */ new Set([
  "GITHUB_OUTPUT",
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_STATE",
  "GITHUB_STEP_SUMMARY",
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_RUNTIME_URL",
  "ACTIONS_CACHE_URL",
  "ACTIONS_RESULTS_URL"
]);
var WITHHELD_PREFIXES = ["INPUT_", "ACTIONS_ID_TOKEN_REQUEST_", "STATE_"];
var CREDENTIAL_NAME = /TOKEN|SECRET|PASSW(OR)?D|PASSPHRASE|CREDENTIAL|COOKIE|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY|(^|_)KEYS?(_|$)|(^|_)AUTH(_|$)|(^|_)PAT(_|$)/;
var MINIMAL_NAMES = /* @__PURE__ */ new Set([
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "TMPDIR",
  "TEMP",
  "TMP",
  "TZ",
  "LANG",
  "LANGUAGE",
  "SYSTEMROOT",
  "PATHEXT",
  "COMSPEC",
  "XDG_CONFIG_HOME",
  "GIT_CONFIG_GLOBAL",
  "GIT_CONFIG_SYSTEM",
  "GIT_CONFIG_NOSYSTEM",
  "GIT_CEILING_DIRECTORIES"
]);
var TOKEN_SHAPES = TOKEN_PATTERNS.map((pattern) => new RegExp(pattern.source));
function isWithheldVariable(name, value) {
  const upper = name.toUpperCase();
  return RUNNER_CHANNELS.has(upper) || WITHHELD_PREFIXES.some((prefix) => upper.startsWith(prefix)) || CREDENTIAL_NAME.test(upper) || value !== void 0 && TOKEN_SHAPES.some((shape) => shape.test(value));
}
function buildChildEnv(source, request) {
  const env = {};
  const extraWithheld = new Set(request.kind === "command" ? request.withheld : []);
  for (const [name, value] of Object.entries(source)) {
    if (value === void 0) continue;
    const keep = request.kind === "command" ? !extraWithheld.has(name) && !isWithheldVariable(name, value) : (MINIMAL_NAMES.has(name) || name.startsWith("LC_")) && !isWithheldVariable(name, value);
    if (keep) env[name] = value;
  }
  if (request.kind === "command") {
    for (const name of request.passEnv) {
      const value = source[name];
      if (value !== void 0) env[name] = value;
    }
  }
  return { ...env, ...request.set };
}

// src/adapters/path-search.ts
import { accessSync as accessSync2, constants as constants2, statSync } from "node:fs";
import { delimiter, isAbsolute, join as join3 } from "node:path";
var cache = /* @__PURE__ */ new Map();
function findExecutable(name, path) {
  const key = `${path}\0${name}`;
  const known = cache.get(key);
  if (known !== void 0) return known ?? void 0;
  let found = null;
  for (const directory of path.split(delimiter).filter(isAbsolute)) {
    const candidate = join3(directory, name);
    try {
      accessSync2(candidate, constants2.X_OK);
      if (!statSync(candidate).isFile()) continue;
      found = candidate;
      break;
    } catch {
    }
  }
  cache.set(key, found);
  return found ?? void 0;
}

// src/adapters/git-exec.ts
var GIT_TIMEOUT_MS = 15e3;
var GIT_MAX_BUFFER = 64 * 1024 * 1024;
var NO_REPOSITORY = /not a git repository|detected dubious ownership|unsafe repository|not in a git directory/i;
function git(cwd, args) {
  const env = buildChildEnv(process.env, {
    kind: "git",
    set: { GIT_TERMINAL_PROMPT: "0", GIT_NO_LAZY_FETCH: "1", LC_ALL: "C" }
  });
  const file = process.platform === "win32" ? "git" : findExecutable("git", env.PATH ?? "");
  if (!file)
    return Promise.resolve({
      kind: "unavailable",
      reason: "git is not installed or not on PATH",
      stderr: ""
    });
  return new Promise((resolvePromise) => {
    execFile(
      file,
      args,
      { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: GIT_MAX_BUFFER, encoding: "buffer", env },
      (error, stdout, stderr) => {
        const err = stderr.toString("utf8");
        if (!error) {
          resolvePromise({
            kind: "ok",
            stdout: stdout.toString("utf8"),
            stderr: err,
            bytes: stdout
          });
          return;
        }
        const code = error.code;
        if (typeof code === "number" && (code === 1 || code === 128) && !NO_REPOSITORY.test(err)) {
          resolvePromise({
            kind: "said-no",
            exitCode: code,
            stdout: stdout.toString("utf8"),
            stderr: err
          });
          return;
        }
        resolvePromise({
          kind: "unavailable",
          reason: describeFailure(args[0] ?? "", error, code, err, cwd),
          cause: error,
          stderr: err
        });
      }
    );
  });
}
function describeFailure(subcommand, error, code, stderr, cwd) {
  const said = stderr.trim().split("\n")[0] || error.message;
  if (code === "ENOENT") return "git is not installed or not on PATH";
  if (code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER")
    return `git ${subcommand} wrote more than ${GIT_MAX_BUFFER / 1024 / 1024} MiB`;
  if (error.killed || error.signal)
    return error.signal === "SIGTERM" && error.killed ? `git ${subcommand} did not answer within ${GIT_TIMEOUT_MS / 1e3} s` : `git ${subcommand} was killed (${error.signal ?? "signal"})`;
  if (NO_REPOSITORY.test(stderr)) return `${cwd} is not a git repository (${said})`;
  return `git ${subcommand} failed (${typeof code === "number" ? `exit ${code}: ` : ""}${said})`;
}

// src/adapters/git-facts.ts
var TAG_FORMAT = [
  "%(refname:lstrip=2)",
  "%(objecttype)",
  "%(objectname)",
  "%(committerdate:iso-strict)",
  "%(*objecttype)",
  "%(*objectname)",
  "%(*committerdate:iso-strict)"
].join("%00");
var TAG_LIST = ["for-each-ref", `--format=${TAG_FORMAT}`, "refs/tags"];

// src/adapters/git-probe.ts
var GIT_PROBE = [
  "rev-parse",
  "--is-inside-work-tree",
  "--is-shallow-repository",
  "--git-common-dir",
  "--verify",
  "--quiet",
  "HEAD^{commit}"
];

// src/adapters/git.ts
var HEAD_READS = [["cat-file", "-p", "HEAD"], GIT_PROBE];

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
  codeCacheDirectory,
  loadWithCodeCache,
  enableCompileCache,
  HEAD_QUESTIONS,
  INSPECT_QUESTIONS,
  prefetchGit
};
