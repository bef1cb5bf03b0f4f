#!/usr/bin/env node
'use strict'; var import_meta_url = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/cli/index.ts
var import_node_url = require("node:url");

// src/adapters/code-cache.ts
var import_node_buffer = require("node:buffer");
var import_node_crypto2 = require("node:crypto");
var import_node_fs2 = require("node:fs");
var import_node_module = require("node:module");
var import_node_os = require("node:os");
var import_node_path2 = require("node:path");
var import_node_vm = require("node:vm");

// src/adapters/code-cache-files.ts
var import_node_crypto = require("node:crypto");
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
var DIGEST_BYTES = 32;
var DAY_MS = 24 * 60 * 60 * 1e3;
var STALE_TEMPORARY_MS = 60 * 60 * 1e3;
var UNUSED_CACHE_MS = 7 * DAY_MS;
function trustedDirectory(dir) {
  try {
    (0, import_node_fs.mkdirSync)(dir, { recursive: true, mode: 448 });
    return ownedAndPrivate(dir, true) !== void 0;
  } catch {
    return false;
  }
}
function readCache(file) {
  try {
    const stat = ownedAndPrivate(file, false);
    if (!stat) return void 0;
    const stored = (0, import_node_fs.readFileSync)(file);
    if (stored.length <= DIGEST_BYTES) return void 0;
    const data = stored.subarray(DIGEST_BYTES);
    const digest = (0, import_node_crypto.createHash)("sha256").update(data).digest();
    if (!digest.equals(stored.subarray(0, DIGEST_BYTES))) return void 0;
    if (Date.now() - stat.mtimeMs > DAY_MS) (0, import_node_fs.utimesSync)(file, /* @__PURE__ */ new Date(), /* @__PURE__ */ new Date());
    return data;
  } catch {
    return void 0;
  }
}
function writeCache(file, data) {
  try {
    const payload = data();
    const digest = (0, import_node_crypto.createHash)("sha256").update(payload).digest();
    const temporary = `${file}.${process.pid}.tmp`;
    (0, import_node_fs.writeFileSync)(temporary, Buffer.concat([digest, payload]), { mode: 384, flag: "wx" });
    (0, import_node_fs.renameSync)(temporary, file);
  } catch {
    return false;
  }
  pruneOthers(file);
  return true;
}
function pruneOthers(file) {
  const name = (0, import_node_path.basename)(file);
  const kind = name.slice(name.indexOf("-"));
  try {
    for (const other of (0, import_node_fs.readdirSync)((0, import_node_path.dirname)(file))) {
      const path = (0, import_node_path.join)((0, import_node_path.dirname)(file), other);
      if (other === name || !(other.endsWith(".tmp") || other.endsWith(kind))) continue;
      const age = Date.now() - (0, import_node_fs.lstatSync)(path).mtimeMs;
      if (age > (other.endsWith(".tmp") ? STALE_TEMPORARY_MS : UNUSED_CACHE_MS))
        (0, import_node_fs.rmSync)(path, { force: true });
    }
  } catch {
  }
}
function ownedAndPrivate(path, directory) {
  if (typeof process.getuid !== "function") return void 0;
  const stat = (0, import_node_fs.lstatSync)(path);
  if (directory ? !stat.isDirectory() : !stat.isFile()) return void 0;
  return stat.uid === process.getuid() && (stat.mode & 18) === 0 ? stat : void 0;
}

// src/adapters/code-cache.ts
function codeCacheDirectory(override) {
  if (override === "off" || override === "0") return void 0;
  if (override) return override;
  return typeof process.getuid === "function" ? (0, import_node_path2.join)((0, import_node_os.tmpdir)(), `cutover-checkpoint-code-cache-${process.getuid()}`) : void 0;
}
function loadWithCodeCache(file, cacheDir, flavour2) {
  const bytes = (0, import_node_fs2.readFileSync)(file);
  const source = bytes.toString((0, import_node_buffer.isAscii)(bytes) ? "latin1" : "utf8");
  const dir = cacheDir && mayChange(file) && trustedDirectory(cacheDir) ? cacheDir : void 0;
  const digest = (0, import_node_crypto2.createHash)("sha256").update(bytes).update(`\0${file}\0${process.execArgv.join("\0")}\0${process.env.NODE_OPTIONS ?? ""}`).digest("hex");
  const name = `${digest.slice(0, 32)}-${process.version}-${process.arch}-${flavour2.replace(/[^\w-]/g, "_")}.bin`;
  const cacheFile = dir ? (0, import_node_path2.join)(dir, name) : void 0;
  const cachedData = cacheFile ? readCache(cacheFile) : void 0;
  const script = new import_node_vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source}
})`,
    { filename: file, ...cachedData ? { cachedData } : {} }
  );
  const cacheUsed = cachedData !== void 0 && !script.cachedDataRejected;
  const module3 = { exports: {} };
  script.runInThisContext()(
    module3.exports,
    (0, import_node_module.createRequire)(file),
    module3,
    file,
    (0, import_node_path2.dirname)(file)
  );
  return {
    exports: module3.exports,
    cacheUsed,
    saveCache: () => !cacheUsed && cacheFile !== void 0 && writeCache(cacheFile, () => script.createCachedData())
  };
}
function mayChange(file) {
  try {
    (0, import_node_fs2.accessSync)(file, import_node_fs2.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// src/adapters/entry-exit.ts
async function exitWhenSettled(main, exit) {
  exit.setCode(exit.fault);
  try {
    const value = await main();
    exit.setCode(exit.codeOf(value));
    return value;
  } catch (error) {
    exit.report(error);
    exit.setCode(exit.fault);
    return void 0;
  }
}
async function runBundleEntry(entry) {
  let bundle;
  const value = await exitWhenSettled(
    () => {
      bundle = entry.load();
      return entry.start(bundle.exports);
    },
    { ...entry, setCode: (code) => process.exitCode = code }
  );
  if (value !== void 0 && entry.keepsCache(value)) bundle?.saveCache();
}
function describeFault(error) {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

// src/adapters/compile-cache.ts
var import_node_module2 = __toESM(require("node:module"), 1);
function enableCompileCache() {
  try {
    import_node_module2.default.enableCompileCache?.();
  } catch {
  }
}

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

// src/adapters/exec-file.ts
var import_node_child_process = require("node:child_process");

// src/adapters/idle-pipes.ts
function afterOneReadPass(read, idle, busy = () => void 0) {
  const seen = read.bytes;
  setImmediate(() => read.bytes === seen ? idle() : busy());
}
function setTimeoutAfterReads(decide, ms) {
  return setTimeout(() => setImmediate(decide), ms);
}

// src/adapters/exec-file.ts
var KILL_GRACE_MS = 2e3;
function execFileLauncher(file, args, options) {
  const { timeout, drainAfterExitMs, killGraceMs = KILL_GRACE_MS, ...execOptions } = options;
  return new Promise((resolvePromise) => {
    let timedOut = false;
    const child = (0, import_node_child_process.execFile)(
      file,
      args,
      { ...execOptions, encoding: "buffer" },
      (error, stdout, stderr) => {
        clearTimeout(timer);
        clearTimeout(killer);
        if (!timedOut) return resolvePromise({ error, stdout, stderr });
        const late = error ?? new Error(`Command timed out: ${[file, ...args].join(" ")}`);
        resolvePromise({
          error: Object.assign(late, { code: null, killed: true, signal: "SIGTERM" }),
          stdout,
          stderr
        });
      }
    );
    let killer;
    const timer = setTimeoutAfterReads(() => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      timedOut = child.kill("SIGTERM");
      killer = setTimeout(() => child.kill("SIGKILL"), killGraceMs);
    }, timeout);
    if (drainAfterExitMs === void 0) return;
    child.once("exit", () => {
      const exitedAt = Date.now();
      const letGo = () => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      };
      const read = { bytes: 0 };
      const count = (chunk) => void (read.bytes += chunk.length);
      child.stdout?.on("data", count);
      child.stderr?.on("data", count);
      const drain = setTimeout(
        () => afterOneReadPass(
          read,
          letGo,
          () => Date.now() - exitedAt < timeout ? drain.refresh() : letGo()
        ),
        drainAfterExitMs
      );
      child.once("close", () => clearTimeout(drain));
    });
  });
}

// src/adapters/path-search.ts
var import_node_fs3 = require("node:fs");
var import_node_path3 = require("node:path");
function findExecutable(name, path) {
  for (const directory of path.split(import_node_path3.delimiter).filter(import_node_path3.isAbsolute)) {
    const candidate = (0, import_node_path3.join)(directory, name);
    try {
      (0, import_node_fs3.accessSync)(candidate, import_node_fs3.constants.X_OK);
      if ((0, import_node_fs3.statSync)(candidate).isFile()) return candidate;
    } catch {
    }
  }
  return void 0;
}

// src/adapters/git-no.ts
function saidNo(no, code, stderr) {
  return no !== void 0 && code === no.exit && no.stderr.test(stderr.trim());
}
function sameNo(a, b) {
  if (a === void 0 || b === void 0) return a === b;
  return a.exit === b.exit && a.stderr.source === b.stderr.source && a.stderr.flags === b.stderr.flags;
}
var SILENT_EXIT_1 = { exit: 1, stderr: /^$/ };

// src/adapters/git-exec.ts
var GIT_TIMEOUT_MS = 15e3;
var GIT_MAX_BUFFER = 64 * 1024 * 1024;
var NO_REPOSITORY = /not a git repository|detected dubious ownership|unsafe repository|not in a git directory/i;
var git = createGitRunner(execFileLauncher);
function createGitRunner(launch) {
  return async (cwd, args, no) => {
    const env = buildChildEnv(process.env, {
      kind: "git",
      set: { GIT_TERMINAL_PROMPT: "0", GIT_NO_LAZY_FETCH: "1", LC_ALL: "C" }
    });
    const file = process.platform === "win32" ? "git" : findExecutable("git", env.PATH ?? "");
    if (!file)
      return { kind: "unavailable", reason: "git is not installed or not on PATH", stderr: "" };
    const { error, stdout, stderr } = await launch(file, args, {
      cwd,
      env,
      timeout: GIT_TIMEOUT_MS,
      maxBuffer: GIT_MAX_BUFFER
    });
    const err = stderr.toString("utf8");
    if (!error) return { kind: "ok", stdout: stdout.toString("utf8"), stderr: err, bytes: stdout };
    const code = error.code;
    if (saidNo(no, code, err))
      return { kind: "said-no", exitCode: code, stdout: stdout.toString("utf8"), stderr: err };
    return {
      kind: "unavailable",
      reason: describeFailure(args[0] ?? "", error, code, err, cwd),
      cause: error,
      stderr: err
    };
  };
}
function describeFailure(subcommand, error, code, stderr, cwd) {
  const said = gitSays(stderr) || (typeof code === "number" ? "" : error.message);
  if (code === "ENOENT") return "git is not installed or not on PATH";
  if (code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER")
    return `git ${subcommand} wrote more than ${GIT_MAX_BUFFER / 1024 / 1024} MiB`;
  if (error.killed || error.signal)
    return error.signal === "SIGTERM" && error.killed ? `git ${subcommand} did not answer within ${GIT_TIMEOUT_MS / 1e3} s` : `git ${subcommand} was killed (${error.signal ?? "signal"})`;
  if (NO_REPOSITORY.test(stderr)) return `${cwd} is not a git repository (${said})`;
  const exit = typeof code === "number" ? `exit ${code}` : "";
  return `git ${subcommand} failed (${[exit, said].filter(Boolean).join(": ")})`;
}
function gitSays(stderr) {
  const lines = stderr.trim().split("\n");
  return (lines.find((line) => /^(fatal|error): /.test(line)) ?? lines[0] ?? "").trim();
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
var TAG_LIST = {
  args: ["for-each-ref", `--format=${TAG_FORMAT}`, "refs/tags"]
};

// src/adapters/git-probe.ts
var GIT_PROBE = {
  args: [
    "rev-parse",
    "--is-inside-work-tree",
    "--is-shallow-repository",
    "--git-common-dir",
    "--verify",
    "--quiet",
    "HEAD^{commit}"
  ],
  no: SILENT_EXIT_1
};

// src/adapters/git-prefetch.ts
var INSPECT_QUESTIONS = [GIT_PROBE, TAG_LIST];
function prefetchGit(cwd, questions, git3 = git) {
  const key = (dir, args) => JSON.stringify([dir, ...args]);
  const started = /* @__PURE__ */ new Map();
  for (const { args, no } of questions) {
    const known = started.get(key(cwd, args));
    if (!known) started.set(key(cwd, args), { answer: git3(cwd, [...args], no), uses: 1, no });
    else if (sameNo(known.no, no)) known.uses++;
  }
  return (dir, args, no) => {
    const found = started.get(key(dir, args));
    if (!found || !sameNo(found.no, no)) return git3(dir, args, no);
    if (--found.uses === 0) started.delete(key(dir, args));
    return found.answer;
  };
}

// src/adapters/stop-commands.ts
var import_node_crypto3 = require("node:crypto");
function createStopToken() {
  return (0, import_node_crypto3.randomBytes)(16).toString("hex");
}
function createStopCommandsWriter(write, token = createStopToken()) {
  return (text) => {
    if (text === "") return;
    const body = text.endsWith("\n") ? text : `${text}
`;
    write(`::stop-commands::${token}
${body}::${token}::
`);
  };
}

// src/cli/actions-guard.ts
function guardForActions(stream, env) {
  if (env.GITHUB_ACTIONS !== "true") return stream;
  return {
    write: createStopCommandsWriter((text) => stream.write(text)),
    isTTY: stream.isTTY,
    get writableLength() {
      return stream.writableLength;
    }
  };
}

// src/cli/index.ts
enableCompileCache();
var argv = process.argv.slice(2);
var git2 = (argv[0] === "run" || argv[0] === "validate") && !argv.some((arg) => arg === "--cwd" || arg.startsWith("--cwd=")) ? prefetchGit(process.cwd(), INSPECT_QUESTIONS) : void 0;
var flavour = ["run", "validate", "aggregate", "verify-record"].includes(argv[0] ?? "") ? argv[0] : "other";
void runBundleEntry({
  load: () => loadWithCodeCache(
    (0, import_node_url.fileURLToPath)(new URL("./cli-main.cjs", import_meta_url)),
    codeCacheDirectory(process.env.CUTOVER_CHECKPOINT_CODE_CACHE),
    flavour
  ),
  start: ({ main }) => main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    version: "0.1.0",
    cwd: process.cwd(),
    ...git2 ? { git: git2 } : {}
  }),
  fault: 3,
  codeOf: (code) => code,
  // Through the same guard as main's own output: under GitHub Actions a fault's text (which may
  // quote a file or a value) reaches the log with workflow commands stopped.
  report: (error) => guardForActions(process.stderr, process.env).write(
    `cutover-checkpoint: the gate could not run: internal fault: ${describeFault(error)}
`
  ),
  // A verdict (0, 1, 2), and not a one-off command (--help, init: 'other'), keeps the cache.
  keepsCache: (code) => code < 3 && flavour !== "other"
});
