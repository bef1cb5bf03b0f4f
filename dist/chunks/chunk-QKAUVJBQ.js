import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);

// src/core/outcome.ts
function ok(value) {
  return { kind: "ok", value };
}
function couldNot(reason, cause) {
  return cause === void 0 ? { kind: "unavailable", reason } : { kind: "unavailable", reason, cause };
}
function valueOrThrow(outcome, context) {
  if (outcome.kind === "ok") return outcome.value;
  const message = context ? `${context}: ${outcome.reason}` : outcome.reason;
  throw outcome.cause === void 0 ? new Error(message) : new Error(message, { cause: outcome.cause });
}

// src/adapters/git-exec.ts
import { execFile } from "node:child_process";

// src/core/redact.ts
var MASK = "***";
var TOKEN_PATTERNS = [
  /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g
];
var MIN_SECRET_LENGTH = 4;
var STRONG_SECRET_LENGTH = 8;
function createRedactor(secrets) {
  const pieces = secrets.flatMap(
    (s) => typeof s === "string" && s.includes("\n") ? [s, ...s.split(/\r?\n/).map((l) => l.trim())] : [s]
  );
  const values = [
    ...new Set(
      pieces.filter((s) => typeof s === "string" && s.length >= MIN_SECRET_LENGTH)
    )
  ].sort((a, b) => b.length - a.length);
  const literal = values.length > 0 ? new RegExp(values.map(escapeRegExp).join("|"), "g") : void 0;
  const patterns = literal ? [literal, ...TOKEN_PATTERNS] : TOKEN_PATTERNS;
  const any = new RegExp(patterns.map((p) => `(?:${p.source})`).join("|"));
  const finds = (text) => any.test(text);
  const redact = (text) => {
    if (!finds(text)) return text;
    let result = text;
    for (const pattern of patterns) result = result.replace(pattern, MASK);
    return result;
  };
  redact.spans = (text) => {
    const spans = [];
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern))
        spans.push([match.index, match.index + match[0].length]);
    }
    return spans;
  };
  redact.finds = finds;
  return redact;
}
function findWeakSecrets(secrets) {
  return secrets.filter(
    (s) => typeof s === "string" && s.length >= MIN_SECRET_LENGTH && s.length < STRONG_SECRET_LENGTH
  );
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var STRUCTURAL_KEYS = /* @__PURE__ */ new Set([
  "id",
  "kind",
  "status",
  "state",
  "verdict",
  "decision_requested",
  "scope",
  "blocks",
  "blocked_by",
  "generated_at",
  "sha256",
  "config_sha256",
  "record_version"
]);
function redactDeep(value, redact) {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        STRUCTURAL_KEYS.has(key) ? item : redactDeep(item, redact)
      ])
    );
  }
  return value;
}

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
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";
var cache = /* @__PURE__ */ new Map();
function findExecutable(name, path) {
  const key = `${path}\0${name}`;
  const known = cache.get(key);
  if (known !== void 0) return known ?? void 0;
  let found = null;
  for (const directory of path.split(delimiter).filter(isAbsolute)) {
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
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
import { posix } from "node:path";
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
async function readTags(root, wanted, git2 = git) {
  const listed = await git2(root, [...TAG_LIST]);
  if (listed.kind !== "ok") return null;
  const byName = /* @__PURE__ */ new Map();
  for (const line of listed.stdout.split("\n").filter(Boolean)) {
    const [name = "", ...fields] = line.split("\0");
    byName.set(name, fields);
  }
  const facts = {};
  for (const tag of wanted) {
    const [type, sha, date, peeledType, peeledSha, peeledDate] = byName.get(tag) ?? [];
    if (type === "commit") facts[tag] = { sha, date: date || null };
    else if (peeledType === "commit") facts[tag] = { sha: peeledSha, date: peeledDate || null };
    else if (peeledType === "tag") {
      const peeled = await peelNested(root, tag, git2);
      if (!peeled) return null;
      facts[tag] = peeled;
    } else facts[tag] = { sha: null, date: null };
  }
  const commits = Object.fromEntries(
    [...byName].map(([name, fields]) => [name, fields[4] || fields[1] || ""])
  );
  return { count: byName.size, commits, facts };
}
async function peelNested(root, tag, git2) {
  const sha = await git2(root, ["rev-parse", "--verify", "--quiet", `refs/tags/${tag}^{commit}`]);
  if (sha.kind === "unavailable") return null;
  if (sha.kind !== "ok") return { sha: null, date: null };
  const date = await git2(root, ["show", "-s", "--format=%cI", sha.stdout.trim()]);
  return { sha: sha.stdout.trim(), date: date.kind === "ok" ? date.stdout.trim() || null : null };
}
async function lastChanges(root, paths, git2 = git) {
  const found = /* @__PURE__ */ new Map();
  if (paths.length === 0) return found;
  const log = await git2(root, [
    "log",
    "--relative",
    "--no-renames",
    "--format=/%H %cI",
    "--name-only",
    "-z",
    "--",
    ...paths
  ]);
  if (log.kind === "said-no") return found;
  if (log.kind !== "ok") return null;
  const wanted = new Set(paths.map((p) => posix.normalize(p)));
  const byKey = /* @__PURE__ */ new Map();
  let current;
  for (const raw of log.stdout.split("\0")) {
    const token = raw.replace(/^\n/, "");
    if (token.startsWith("/")) {
      const [sha = "", date = ""] = token.slice(1).split(" ");
      current = { sha, date };
      continue;
    }
    if (current && wanted.has(token) && !byKey.has(token)) byKey.set(token, current);
  }
  for (const path of paths) {
    const change = byKey.get(posix.normalize(path));
    if (change) found.set(path, change);
  }
  return found;
}

// src/adapters/git-probe.ts
import { readdir, readFile } from "node:fs/promises";
import { join as join2 } from "node:path";
var GIT_PROBE = [
  "rev-parse",
  "--is-inside-work-tree",
  "--is-shallow-repository",
  "--git-common-dir",
  "--verify",
  "--quiet",
  "HEAD^{commit}"
];
function probedHead(stdout) {
  const last = stdout.trimEnd().split("\n").at(-1)?.trim() ?? "";
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(last) ? last : null;
}
async function readShallowBoundary(common) {
  try {
    const text = await readFile(join2(common, "shallow"), "utf8");
    return new Set(
      text.split("\n").map((line) => line.trim()).filter(Boolean)
    );
  } catch {
    return { has: () => true };
  }
}
async function isPartialClone(common) {
  try {
    return (await readdir(join2(common, "objects", "pack"))).some((f) => f.endsWith(".promisor"));
  } catch (error) {
    return error.code !== "ENOENT";
  }
}

// src/adapters/git.ts
import { createHash } from "node:crypto";
import { resolve } from "node:path";
var HEAD_READS = [["cat-file", "-p", "HEAD"], GIT_PROBE];
function isSafeRef(ref) {
  return /^[\w./@^~-]+$/.test(ref) && !ref.startsWith("-");
}
function createGit(root, git2 = git) {
  return {
    async headCommit() {
      const [show, probe] = HEAD_READS;
      const [head, probed] = await Promise.all([git2(root, [...show]), git2(root, [...probe])]);
      const sha = head.kind === "ok" ? probed : head;
      if (head.kind !== "ok" || sha.kind !== "ok")
        return {
          kind: "unavailable",
          // git's own words first (they name the fix); a failure without any, ours.
          reason: sha.stderr.trim().split("\n")[0] || (sha.kind === "unavailable" ? sha.reason : "git cannot read HEAD")
        };
      const parents = [...head.stdout.split("\n\n")[0].matchAll(/^parent ([0-9a-f]+)$/gm)].map(
        (m) => m[1]
      );
      const verified = probedHead(sha.stdout) ?? "";
      if (!/^[0-9a-f]{40,64}$/.test(verified))
        return { kind: "unavailable", reason: "git cannot read HEAD" };
      return { kind: "ok", sha: verified, parents };
    },
    async readFileAt(ref, path) {
      if (!isSafeRef(ref))
        return { kind: "unavailable", path, reason: `'${ref}' is not a git ref or sha` };
      const commit = await git2(root, ["cat-file", "-e", `${ref}^{commit}`]);
      if (commit.kind === "unavailable")
        return { kind: "unavailable", path, reason: `git cannot read ${ref}: ${commit.reason}` };
      if (commit.kind === "said-no") {
        return {
          kind: "unavailable",
          path,
          reason: `the trusted ref ${ref.slice(0, 40)} is not in this clone: check out with \`fetch-depth: 0\` (actions/checkout) so its policy can be read`
        };
      }
      const file = await git2(root, ["show", `${ref}:./${path}`]);
      if (file.kind === "said-no") return { kind: "missing", path };
      if (file.kind === "unavailable")
        return {
          kind: "unavailable",
          path,
          reason: `git cannot read ${path} at ${ref}: ${file.reason}`
        };
      return {
        kind: "ok",
        path,
        text: file.stdout,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        bytes: file.bytes.length
      };
    },
    async modifiedFiles() {
      const status = await git2(root, [
        "status",
        "--porcelain",
        "--untracked-files=no",
        "-z",
        "--",
        "."
      ]);
      if (status.kind !== "ok")
        return couldNot(
          whyNot(status, "git status failed"),
          status.kind === "unavailable" ? status.cause : void 0
        );
      return ok(
        status.stdout.split("\0").filter(Boolean).map((entry) => entry.slice(3))
      );
    },
    async changedPaths(ref) {
      if (!isSafeRef(ref))
        return { kind: "unavailable", reason: `'${ref}' is not a git ref or sha` };
      const [prefix, diff] = await Promise.all([
        git2(root, ["rev-parse", "--show-prefix"]),
        git2(root, ["diff", "--name-only", "--no-relative", "--no-renames", "-z", ref, "--"])
      ]);
      if (prefix.kind !== "ok" || diff.kind !== "ok")
        return {
          kind: "unavailable",
          reason: `git cannot compare the tree with the trusted ref ${ref.slice(0, 40)} (${whyNot(diff.kind !== "ok" ? diff : prefix, "git diff failed")}): check out with \`fetch-depth: 0\``
        };
      const inside = prefix.stdout.trim();
      const all = diff.stdout.split("\0").filter(Boolean);
      return {
        kind: "ok",
        paths: all.filter((p) => p.startsWith(inside)).map((p) => p.slice(inside.length)),
        outside: all.filter((p) => !p.startsWith(inside))
      };
    },
    async inspect({ tags, paths }) {
      const facts = GIT_PROBE.slice(0, -3);
      const probing = git2(root, [...GIT_PROBE]);
      const tagList = readTags(root, tags, git2);
      let probe = await probing;
      let head = null;
      if (probe.kind === "ok") head = probedHead(probe.stdout);
      else if (probe.kind === "said-no") probe = await git2(root, facts);
      if (probe.kind !== "ok") void tagList.catch(() => void 0);
      if (probe.kind === "said-no")
        return unavailableGit(
          `${root} is not a git repository (${whyNot(probe, "git rev-parse failed")})`
        );
      if (probe.kind === "unavailable") return unavailableGit(probe.reason);
      const [, shallowLine, ...rest] = probe.stdout.replace(/\n$/, "").split("\n");
      const commonLine = (head ? rest.slice(0, -1) : rest).join("\n");
      const shallow = shallowLine?.trim() === "true";
      const common = resolve(root, commonLine?.trim() || ".git");
      const partial = await isPartialClone(common);
      const [tagFacts, changes] = await Promise.all([
        tagList,
        partial ? /* @__PURE__ */ new Map() : lastChanges(root, paths, git2)
      ]);
      if (!tagFacts || !changes)
        return unavailableGit(
          `git could not read the ${tagFacts ? "history of the documents" : "tags"} of ${root}`
        );
      const boundary = shallow ? await readShallowBoundary(common) : /* @__PURE__ */ new Set();
      const found = paths.map((path) => ({ path, ...changes.get(path) }));
      const tagFact = (tag) => tagFacts.facts[tag] ?? { sha: null, date: null };
      return {
        kind: "ok",
        shallow,
        partial,
        ...shallow ? { historyCut: found.filter((f) => !f.sha || boundary.has(f.sha)).map((f) => f.path) } : {},
        head,
        tagCount: tagFacts.count,
        tagCommits: tagFacts.commits,
        tags: Object.fromEntries(tags.map((tag) => [tag, tagFact(tag).sha])),
        // The release commit's date bounds joint-decision signatures (none may predate it).
        tagDates: Object.fromEntries(
          tags.map((tag) => {
            const date = tagFact(tag).date;
            return [tag, date ? new Date(date).toISOString() : null];
          })
        ),
        lastCommit: Object.fromEntries(
          found.map((f) => [f.path, f.date ? new Date(f.date).toISOString() : null])
        )
      };
    }
  };
}
function unavailableGit(reason) {
  return { kind: "unavailable", reason };
}
function whyNot(result, fallback) {
  if (result.kind === "unavailable") return result.reason;
  return result.stderr.trim().split("\n")[0] || fallback;
}

export {
  ok,
  couldNot,
  valueOrThrow,
  MASK,
  createRedactor,
  findWeakSecrets,
  redactDeep,
  buildChildEnv,
  git,
  TAG_LIST,
  GIT_PROBE,
  HEAD_READS,
  createGit
};
