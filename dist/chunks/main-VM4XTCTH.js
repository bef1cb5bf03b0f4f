import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  BASELINE_FIELDS,
  BUILTIN_SCHEMAS,
  DECISIONS,
  DECISION_TITLES,
  STATUS_ORDER,
  builtinSchemaName,
  collectEvidence,
  createMachinePorts,
  createOfflineLookups,
  createSchemaValidator,
  createStopCommandsWriter,
  decideAll,
  describeEnd,
  failClosed,
  formatDuration,
  formatLocation,
  formatValue,
  isEchoBackedUp,
  isFailing,
  isProtectedCheck,
  judge,
  loadConfig,
  parseShardSpec,
  prefixLines,
  prepareMarkdown,
  prepareSchemas,
  readOwn,
  readRecordFile,
  requestOfRecord,
  runGate,
  stopOnSignals,
  suggestName,
  toCommandResult,
  withShardDurations
} from "./chunk-44TQ3HJI.js";
import {
  couldNot,
  createRedactor,
  ok
} from "./chunk-KVAU3R6B.js";
import "./chunk-3LSVC2XP.js";
import "./chunk-YWYC4T6G.js";
import "./chunk-WSMUT4KD.js";

// src/cli/main.ts
import { availableParallelism } from "node:os";
import { join as join2, resolve as resolve3 } from "node:path";

// src/adapters/find-config-root.ts
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
function findConfigRoot(start, configPath) {
  let dir = start;
  for (; ; ) {
    if (isFile(join(dir, configPath))) return dir;
    const parent = dirname(dir);
    if (existsSync(join(dir, ".git")) || parent === dir) return start;
    dir = parent;
  }
}
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// src/adapters/terminal-progress.ts
function createTerminalProgress(stream) {
  const running = /* @__PURE__ */ new Set();
  let parallel = false;
  let total = 0;
  let done = 0;
  const status = () => stream.isTTY ? `\x1B[2K\r\u23F3 ${done}/${total} done \xB7 running: ${[...running].join(", ")}` : "";
  const print = (text) => {
    if (stream.isTTY) stream.write("\x1B[2K\r");
    stream.write(text);
    if (stream.isTTY && running.size > 0) stream.write(status());
  };
  return {
    onRunStart(commands, concurrency) {
      total = commands.length;
      parallel = concurrency > 1 && commands.length > 1;
    },
    onStart(command) {
      running.add(command.id);
      print(`\u25B6 ${command.id}: ${command.run}
`);
    },
    onOutput(command, text) {
      print(parallel ? prefixLines(`[${command.id}] `, text) : text);
    },
    isBackedUp: () => isEchoBackedUp(stream),
    onEnd(command, result) {
      running.delete(command.id);
      done++;
      print(
        `${describeEnd(result)} ${command.id}${result.state === "ran" ? ` in ${formatDuration(result.durationMs)}` : ""}
`
      );
    }
  };
}

// src/core/render/text.ts
var CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 };
function renderText(record, options) {
  const paint = (style, text) => options.color ? `\x1B[${CODES[style]}m${text}\x1B[0m` : text;
  const stateColor = (state) => state === "GO" ? "green" : state === "NO-GO" ? "red" : "yellow";
  const lines = [];
  lines.push(
    paint(
      "bold",
      `cutover-checkpoint \xB7 ${record.gate.name}${record.gate.version ? ` (${record.gate.version})` : ""}`
    )
  );
  for (const decision of DECISIONS) {
    const outcome = record.decisions[decision];
    const label = outcome.label !== outcome.state ? `  "${outcome.label}"` : "";
    const blocked = outcome.blocked_by.length ? paint(
      "dim",
      `  ${outcome.state === "CONDITIONAL" ? "waiting on" : "blocked by"} ${outcome.blocked_by.slice(0, 4).join(", ")}${outcome.blocked_by.length > 4 ? ` +${outcome.blocked_by.length - 4}` : ""}`
    ) : "";
    lines.push(
      `  ${DECISION_TITLES[decision].padEnd(16)} ${paint(stateColor(outcome.state), outcome.state.padEnd(11))}${label}${blocked}`
    );
  }
  if (record.abort_triggers.length > 0) {
    lines.push("", paint("red", `Abort triggers: ${record.abort_triggers.join(", ")}`));
  }
  for (const decision of DECISIONS) {
    const outcome = record.decisions[decision];
    if (outcome.state === "GO") continue;
    lines.push("", `What would flip ${DECISION_TITLES[decision].toLowerCase()} to GO:`);
    for (const item of outcome.to_go.slice(0, 12)) {
      const check = record.checks.find((c) => c.id === item.check);
      lines.push(
        `  ${paint(isFailing(check.status) ? "red" : "yellow", mark(check))} ${item.check}: ${item.summary}`
      );
      const located = check.findings.filter(
        (finding) => finding.location && (finding.location.line !== void 0 || finding.message !== item.summary)
      );
      for (const finding of located.slice(0, 5)) {
        const message = finding.message === item.summary ? "" : `: ${finding.message}`;
        lines.push(paint("dim", `      ${formatLocation(finding.location)}${message}`));
      }
      if (located.length === 0)
        for (const detail of check.details.slice(0, 5)) lines.push(paint("dim", `      ${detail}`));
      const log = record.commands.find((c) => `command.${c.id}` === check.id)?.log_path;
      if (log && isFailing(check.status)) lines.push(paint("dim", `      full output: ${log}`));
      if (item.expected !== void 0 || item.observed !== void 0) {
        lines.push(
          paint(
            "dim",
            `      expected ${formatValue(item.expected, 100)}; observed ${formatValue(item.observed, 100)}`
          )
        );
      }
    }
    if (outcome.to_go.length > 12)
      lines.push(`  \u2026 and ${outcome.to_go.length - 12} more (see the report)`);
  }
  const warnings = record.checks.filter((c) => c.status === "warn" || (c.waiver?.expired ?? false));
  if (warnings.length > 0) lines.push("", "Warnings:");
  for (const check of warnings)
    lines.push(
      paint(
        "yellow",
        `  ! ${check.id}: ${check.details[0] && check.waiver?.expired ? check.details[0] : check.summary}`
      )
    );
  const counts = STATUS_ORDER.map(
    (status) => [status, record.checks.filter((c) => c.status === status).length]
  ).filter(([, n]) => n > 0);
  lines.push("", `Checks: ${counts.map(([status, n]) => `${n} ${status}`).join(", ")}`);
  const verdictLabel = record.verdict_label !== record.verdict ? ` \u2014 ${record.verdict_label}` : "";
  lines.push(
    paint("bold", `Verdict (${record.decision_requested}): `) + paint(stateColor(record.verdict), record.verdict) + verdictLabel
  );
  if (options.paths)
    lines.push(
      paint("dim", `Record: ${options.paths.record}`),
      paint("dim", `Report: ${options.paths.report}`)
    );
  return lines.join("\n") + "\n";
}
function mark(check) {
  return isFailing(check.status) ? "\u2717" : check.status === "pending" ? "\u2026" : "!";
}

// src/adapters/terminal-sink.ts
function createTerminalSink(options) {
  const { stdout, stderr } = options;
  return {
    async start() {
    },
    async finish(outcome) {
      if (outcome.kind === "unusable") {
        stderr.write(`cutover-checkpoint: the gate could not run
`);
        for (const error of outcome.errors)
          stderr.write(`  ${formatLocation(error.location)}: ${error.message}
`);
        return;
      }
      if (options.json) stdout.write(`${JSON.stringify(outcome.record, null, 2)}
`);
      else
        stdout.write(
          renderText(outcome.record, {
            color: options.color,
            paths: { record: outcome.recordPath, report: outcome.reportPath }
          })
        );
    },
    async crash(error) {
      const message = error instanceof Error ? error.message : String(error);
      stderr.write(`cutover-checkpoint: the gate could not run: ${message}
`);
      if (options.debug && error instanceof Error) stderr.write(`${error.stack}
`);
    }
  };
}

// src/cli/args.ts
import { parseArgs } from "node:util";

// src/cli/option-error.ts
function explainOptionError(error, options) {
  const message = error.message.split("\n")[0] ?? "bad arguments";
  const unknown = /^Unknown option '--([^']+)'/.exec(message)?.[1];
  if (unknown === void 0) return message;
  const suggestion = suggestName(unknown, options);
  return `unknown option '--${unknown}'${suggestion ? `; did you mean --${suggestion}?` : ""}`;
}

// src/cli/args.ts
var DEFAULT_CONFIG_PATH = ".github/cutover-checkpoint.yml";
var DEFAULT_OUT_DIR = "checkpoint-evidence";
var MAX_BASELINE_INPUT = 256;
var USAGE = `Usage: cutover-checkpoint <command> [options]

Commands:
  run        evaluate the gate, run verification commands, print the verdict
  validate   config, artifacts, rules and documents only (no commands, no tools)
  aggregate R\u2026       merge shard records (from run --shard i/n) into one record and verdict
  verify-record R    recompute a record's input digests against a checkout (--tree DIR, --decision D)
  init       write a starter config and workflow
  schema N   print a built-in JSON Schema (${["producer-manifest", "handoff-payload", "joint-decision", "decision-record", "checkpoint-config"].join(", ")})

Options for run and validate:
  --config PATH                  config file (default ${DEFAULT_CONFIG_PATH})
  --cwd DIR                      workspace root (default: current directory)
  --decision rehearsal|cutover   the decision whose state is the verdict (default rehearsal)
  --mode M                       handoff mode to check (repeatable; default all configured)
  --release-tag T, --commit-sha S, --service-contract-version V,
  --api-contract-version V, --integration-baseline B
                                 compared with the baseline lock
  --out DIR                      evidence directory (default ${DEFAULT_OUT_DIR}, under --cwd)
  --json                         print the decision record as JSON on stdout
  --no-commands                  do not run verification commands (they stay pending)
  --concurrency N                commands run at once (default: config, else CPU count)
  --shard i/n                    run only the i-th of n balanced slices of the commands
  --durations RECORD             balance shards by the command durations of a previous record
  --trusted-ref REF              judge under the policy (config, schemas) at REF, e.g. the base
                                 branch; a change to policy or protected files fails the cutover

Exit codes: 0 GO, 1 NO-GO, 2 CONDITIONAL, 3 the gate could not run.`;
var UsageError = class extends Error {
};
function parseCliArgs(argv) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "help" || command === "--help" || command === "-h")
    return { command: "help" };
  if (command === "--version" || command === "version") return { command: "version" };
  const parsed = parseOptions(rest);
  const { values, positionals } = parsed;
  if (command === "schema") {
    if (positionals.length !== 1)
      throw new UsageError(
        "schema takes exactly one NAME, e.g. `cutover-checkpoint schema producer-manifest`"
      );
    return { command: "schema", name: positionals[0] };
  }
  const cwd = values.cwd ?? ".";
  if (command === "aggregate") {
    if (positionals.length === 0)
      throw new UsageError(
        "aggregate takes the shard records to merge, e.g. `cutover-checkpoint aggregate shards/*.json`"
      );
    return {
      command,
      cwd,
      configPath: values.config ?? DEFAULT_CONFIG_PATH,
      records: positionals,
      outDir: values.out ?? DEFAULT_OUT_DIR,
      json: values.json === true,
      ...trustedRefOf(values["trusted-ref"])
    };
  }
  if (command === "verify-record") {
    if (positionals.length !== 1)
      throw new UsageError(
        "verify-record takes exactly one record, e.g. `cutover-checkpoint verify-record checkpoint-evidence/decision-record.json`"
      );
    const decision2 = values.decision;
    if (decision2 !== void 0 && !DECISIONS.includes(decision2))
      throw new UsageError(`--decision must be rehearsal or cutover (got '${decision2}')`);
    return {
      command,
      record: positionals[0],
      tree: values.tree ?? cwd,
      ...decision2 ? { decision: decision2 } : {}
    };
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (command === "init") return { command: "init", cwd, force: values.force === true };
  if (command !== "run" && command !== "validate")
    throw new UsageError(
      `unknown command '${command}'; expected run, validate, aggregate, verify-record, init or schema`
    );
  const decision = values.decision ?? "rehearsal";
  if (!DECISIONS.includes(decision))
    throw new UsageError(`--decision must be rehearsal or cutover (got '${decision}')`);
  const inputs = {};
  for (const field of BASELINE_FIELDS) {
    const value = values[field.replace(/_/g, "-")];
    if (typeof value === "string") {
      if (value.trim() === "")
        throw new UsageError(`--${field.replace(/_/g, "-")} must not be empty`);
      if (value.length > MAX_BASELINE_INPUT)
        throw new UsageError(
          `--${field.replace(/_/g, "-")} is ${value.length} characters long; at most ${MAX_BASELINE_INPUT} are accepted`
        );
      inputs[field] = value.trim();
    }
  }
  let concurrency;
  if (values.concurrency !== void 0) {
    concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new UsageError(
        `--concurrency must be a positive integer (got '${values.concurrency}')`
      );
  }
  let shard;
  if (values.shard !== void 0) {
    const parsed2 = parseShardSpec(values.shard);
    if (parsed2.kind !== "ok") throw new UsageError(`--${parsed2.reason}`);
    shard = parsed2.value;
  }
  return {
    command,
    cwd,
    ask: {
      configPath: values.config ?? DEFAULT_CONFIG_PATH,
      decision,
      modes: values.mode ?? [],
      inputs,
      ...concurrency !== void 0 ? { concurrency } : {},
      ...shard ? { shard } : {},
      ...trustedRefOf(values["trusted-ref"])
    },
    outDir: values.out ?? DEFAULT_OUT_DIR,
    json: values.json === true,
    runCommands: values["no-commands"] !== true,
    ...values.durations ? { durationsFrom: values.durations } : {}
  };
}
function trustedRefOf(value) {
  if (value === void 0) return {};
  if (!/^[\w./@^~-]+$/.test(value) || value.startsWith("-"))
    throw new UsageError(
      `--trusted-ref must be a git ref or sha, e.g. origin/main (got '${value}')`
    );
  return { trustedRef: value };
}
var OPTIONS = {
  config: { type: "string" },
  cwd: { type: "string" },
  decision: { type: "string" },
  mode: { type: "string", multiple: true },
  "release-tag": { type: "string" },
  "commit-sha": { type: "string" },
  "service-contract-version": { type: "string" },
  "api-contract-version": { type: "string" },
  "integration-baseline": { type: "string" },
  out: { type: "string" },
  json: { type: "boolean" },
  "no-commands": { type: "boolean" },
  concurrency: { type: "string" },
  force: { type: "boolean" },
  shard: { type: "string" },
  durations: { type: "string" },
  tree: { type: "string" },
  "trusted-ref": { type: "string" }
};
function parseOptions(args) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: OPTIONS
    });
  } catch (error) {
    throw new UsageError(explainOptionError(error, Object.keys(OPTIONS)), {
      cause: error
    });
  }
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

// src/cli/init.ts
import { existsSync as existsSync2 } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname as dirname2, resolve } from "node:path";

// src/cli/init-templates.ts
var VERSION = true ? "0.1.0" : "0.1.0";
var CONFIG_SCHEMA_URL = `https://raw.githubusercontent.com/cutover-checkpoint/cutover-checkpoint/v${VERSION}/schemas/checkpoint-config.schema.json`;
var STARTER_CONFIG = `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}
# cutover-checkpoint gate: what must hold before a rehearsal and a runtime cutover.
version: 1
gate:
  name: my-service-cutover
  version: "1"

# The baseline lock: values that must not move during the checkpoint.
baseline:
  release_tag: v0.1.0
  # commit_sha: <40 hex>
  # service_contract_version: service.v1
  # api_contract_version: api.v1
  # integration_baseline: integration/v1

artifacts: []
#  - id: manifest
#    path: contracts/producer-contract-manifest.json
#    schema: builtin:producer-manifest
#  - id: payload
#    path: docs/PRODUCER_RELEASE_HANDOFF_LATEST.json
#    schema: builtin:handoff-payload

# handoff:
#   manifest: manifest
#   payload: payload
#   modes: [stable]

documents:
  - id: readme
    path: README.md

commands:
  - id: tests
    run: npm test
    reports_tests: true

# Who signs the decisions. Until the record exists both decisions are NO-GO; while it is unsigned
# the rehearsal is pending (CONDITIONAL) and the cutover NO-GO. Write the record with
# \`cutover-checkpoint schema joint-decision\` as its shape; replace the logins with yours.
joint_decision:
  path: docs/JOINT_DECISION_RECORD.json
  roles: [producer, consumer]
  signers: { producer: [producer-login], consumer: [consumer-login] }
  verify: { rehearsal: file, cutover: github } # cutover: approvals of the PR on its head sha
  unsigned: { rehearsal: pending, cutover: fail }
`;
var STARTER_WORKFLOW = `name: Cutover checkpoint
on:
  pull_request:
  push:
    branches: [main]
  workflow_dispatch:
    inputs:
      decision:
        description: rehearsal or cutover
        default: rehearsal
permissions:
  contents: read
  checks: write
  pull-requests: write
jobs:
  checkpoint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the release tag must be present
      - uses: cutover-checkpoint/cutover-checkpoint@v0 # pin by sha in production
        with:
          decision: \${{ inputs.decision || 'rehearsal' }}
`;

// src/cli/init.ts
async function init(cwd, force, io) {
  const files = [
    [resolve(cwd, DEFAULT_CONFIG_PATH), STARTER_CONFIG],
    [resolve(cwd, ".github/workflows/cutover-checkpoint.yml"), STARTER_WORKFLOW]
  ];
  const existing = files.filter(([path]) => existsSync2(path)).map(([path]) => path);
  if (existing.length > 0 && !force)
    throw new UsageError(`refusing to overwrite ${existing.join(", ")} (use --force)`);
  for (const [path, text] of files) {
    await mkdir(dirname2(path), { recursive: true });
    await writeFile(path, text);
    io.stdout.write(`wrote ${path}
`);
  }
  io.stdout.write(`next: edit ${DEFAULT_CONFIG_PATH}, then run \`cutover-checkpoint validate\`
`);
  return 0;
}

// src/cli/verify-command.ts
import { resolve as resolve2 } from "node:path";

// src/core/rederive.ts
var PLAIN_LABELS = Object.fromEntries(
  DECISIONS.map((d) => [d, { GO: "GO", "NO-GO": "NO-GO", CONDITIONAL: "CONDITIONAL" }])
);
function replayCheck(check, today) {
  const replayed = { ...check, blocks: [...check.blocks] };
  let note;
  if (isProtectedCheck(check.id) && !replayed.blocks.includes("cutover")) {
    replayed.blocks.push("cutover");
    note = `${check.id} is protected: it blocks the cutover whatever the record says`;
  }
  if (check.status === "waived") {
    const waiver = check.waiver;
    const reason = isProtectedCheck(check.id) ? "a protected check cannot be waived" : !waiver ? "the record names no waiver for it" : waiver.expires < today ? `its waiver expired on ${waiver.expires}` : void 0;
    if (reason) {
      replayed.status = "fail";
      note = `${check.id} counts as failing: ${reason}`;
    }
  }
  return { check: replayed, ...note ? { note } : {} };
}
function rederiveDecisions(checks, today) {
  const replayed = checks.map((check) => replayCheck(check, today));
  const final = replayed.map((r) => r.check);
  for (const outcome of failClosed(final))
    final.push({ ...outcome, blocks: [...DECISIONS], abort: false, details: [], findings: [] });
  return {
    decisions: decideAll(final, PLAIN_LABELS),
    notes: replayed.flatMap((r) => r.note ?? [])
  };
}
var DETERMINISTIC = /* @__PURE__ */ new Set([
  "artifact",
  "baseline",
  "git",
  "handoff",
  "semver",
  "rule",
  "changelog",
  "command"
]);
function severity(status) {
  if (status === "fail" || status === "error" || status === "waived") return 2;
  return status === "pending" ? 1 : 0;
}
function compareWithRejudged(recorded, rejudged) {
  const byId = new Map(recorded.map((check) => [check.id, check]));
  const problems = [];
  for (const check of rejudged) {
    const stated = byId.get(check.id);
    if (!stated)
      problems.push(`the record lacks the check ${check.id} (${check.status} on this evidence)`);
    else if ((DETERMINISTIC.has(check.kind) || check.id === "consumer.record") && severity(stated.status) < severity(check.status))
      problems.push(
        `the record says ${check.id} is ${stated.status}, but the same evidence gives ${check.status}: ${check.summary}`
      );
  }
  return problems;
}

// src/app/rejudge-record.ts
async function rejudgeRecord(ports, record) {
  const validator = createSchemaValidator();
  const loaded = await loadConfig(ports.workspace, record.gate.config_path, validator);
  if (!loaded.ok)
    return couldNot(
      `the config ${record.gate.config_path} is not usable here: ${loaded.errors[0]?.message ?? "unknown error"}`
    );
  const schemaErrors = await prepareSchemas(loaded.config, ports.workspace, validator);
  if (schemaErrors.length > 0)
    return couldNot(
      `the config ${record.gate.config_path} is not usable here: ${schemaErrors[0].message}`
    );
  const evidence = await collectEvidence(
    loaded.config,
    loaded.read,
    ports,
    requestOfRecord(record, record.gate.config_path),
    {
      redact: createRedactor([]),
      recordedCommands: (Array.isArray(record.commands) ? record.commands : []).map(
        toCommandResult
      )
    }
  );
  const markdown = await prepareMarkdown(loaded.config).ready();
  return ok(judge(loaded.config, evidence, validator, markdown).checks);
}

// src/core/record-replay.ts
function listRecordedInputs(record) {
  const listed = Array.isArray(record.inputs) ? record.inputs : [...record.artifacts ?? [], ...record.documents ?? []];
  return [
    { id: "config", path: record.gate.config_path, sha256: record.gate.config_sha256 },
    ...listed.filter((input) => input.path !== record.gate.config_path)
  ];
}
function compareInputs(record, current) {
  return listRecordedInputs(record).map(({ id, path, sha256 }) => {
    const now = current[path] ?? null;
    const state = sha256 === now ? "unchanged" : now === null ? "missing" : sha256 === null ? "appeared" : "changed";
    return { id, path, recorded: sha256, current: now, state };
  });
}

// src/app/verify-record.ts
var MAX_BYTES = 1024 * 1024 * 1024;
async function verifyRecord(ports, record, now) {
  const problems = [];
  if (record.shard || record.scope !== "full" && !record.aggregated_from)
    problems.push(
      `the record's scope is '${record.shard ? "shard" : record.scope ?? "unknown"}': only a full run (scope: full) or an aggregate of shards can be relied on`
    );
  if (!Array.isArray(record.inputs))
    problems.push(
      "the record lists no inputs (it was written by an older version): run the gate again"
    );
  const lock = record.baseline?.expected ?? {};
  const tag = lock.release_tag;
  const git = await ports.git.inspect({ tags: tag ? [tag] : [], paths: [] });
  const sha = record.context?.sha ?? null;
  if (git.kind !== "ok") problems.push(`cannot ask git: ${git.reason}`);
  else {
    if (!sha || git.head !== sha)
      problems.push(
        `the record is for commit ${sha ?? "unknown"}, but HEAD is ${git.head ?? "unknown"}: check out the commit the record judged`
      );
    const modified = await ports.git.modifiedFiles();
    if (modified.kind !== "ok")
      problems.push(`git cannot say whether tracked files are modified: ${modified.reason}`);
    else if (modified.value.length > 0)
      problems.push(
        `tracked files are modified in the checkout: ${modified.value.slice(0, 10).join(", ")}${modified.value.length > 10 ? ` and ${modified.value.length - 10} more` : ""}`
      );
    if (tag) {
      const expected = lock.commit_sha ?? record.baseline.observed?.git?.commit_sha;
      const resolved = git.tags[tag] ?? null;
      if (!resolved || resolved !== expected)
        problems.push(
          `release tag ${tag} resolves to ${resolved ?? "nothing (absent)"}, not the locked commit ${expected ?? "unknown"}`
        );
    }
  }
  const current = {};
  for (const input of listRecordedInputs(record)) {
    const read = await ports.workspace.readFile(input.path, MAX_BYTES);
    current[input.path] = read.kind === "ok" ? read.sha256 : null;
  }
  const changes = compareInputs(record, current);
  if (changes.every((c) => c.state === "unchanged") && Array.isArray(record.checks)) {
    const rejudged = await rejudgeRecord(ports, record);
    if (rejudged.kind !== "ok") problems.push(rejudged.reason);
    else problems.push(...compareWithRejudged(record.checks, rejudged.value));
  }
  const { decisions, notes } = rederiveDecisions(
    Array.isArray(record.checks) ? record.checks : [],
    now.slice(0, 10)
  );
  return {
    problems,
    changes,
    unchanged: changes.every((c) => c.state === "unchanged"),
    decisions,
    notes
  };
}

// src/cli/verify-command.ts
var EXIT = { GO: 0, "NO-GO": 1, CONDITIONAL: 2 };
async function runVerifyRecord(recordPath, tree, decision, io, now) {
  const text = readRecordFile(recordPath, io.cwd);
  if (text.kind !== "ok") throw new UsageError(text.reason, { cause: text.cause });
  let record;
  try {
    record = JSON.parse(text.value);
    if (!record.gate?.config_sha256 || !Array.isArray(record.checks))
      throw new Error("not a record");
  } catch (error) {
    throw new UsageError(
      `${recordPath} is not a decision record (expected the decision-record.json the gate writes)`,
      { cause: error }
    );
  }
  const root = resolve2(io.cwd, tree);
  const ports = createMachinePorts({
    root,
    evidenceDir: root,
    env: io.env,
    logger: { info: () => void 0, warn: () => void 0 },
    lookups: createOfflineLookups("verify-record makes no GitHub API calls")
  });
  const outcome = await verifyRecord(ports, record, now.toISOString());
  const out = (text2) => io.stdout.write(text2);
  for (const change of outcome.changes) {
    const detail = change.state === "changed" ? ` (sha256 ${change.recorded?.slice(0, 12)} \u2192 ${change.current?.slice(0, 12)})` : "";
    out(`${change.state.padEnd(9)} ${change.id}: ${change.path}${detail}
`);
  }
  for (const note of outcome.notes) out(`note: ${note}
`);
  const changed = outcome.changes.filter((c) => c.state !== "unchanged");
  if (changed.length > 0)
    out(
      `
${changed.length} input(s) changed since the verdict of ${record.generated_at}: ${changed.map((c) => c.path).join(", ")}. Run the gate again.
`
    );
  for (const problem of outcome.problems) out(`
not verifiable: ${problem}
`);
  if (changed.length > 0 || outcome.problems.length > 0) return 1;
  out(`
Evidence unchanged since the verdict of ${record.generated_at}.
`);
  if (!decision) return 0;
  const derived = outcome.decisions[decision];
  const blocked = derived.blocked_by.length > 0 ? ` (blocked by ${derived.blocked_by.join(", ")})` : "";
  out(
    `Re-derived from the record's checks, the ${decision} decision is ${derived.state}${blocked}.
`
  );
  return EXIT[derived.state];
}

// src/cli/main.ts
var EXIT_CODES = { GO: 0, "NO-GO": 1, CONDITIONAL: 2 };
var EXIT_UNUSABLE = 3;
async function main(argv, given) {
  const io = { ...given, stderr: guardForActions(given.stderr, given.env) };
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(
        `cutover-checkpoint: ${error.message}
Run \`cutover-checkpoint --help\` for usage.
`
      );
      return EXIT_UNUSABLE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`cutover-checkpoint: the gate could not run: ${message}
`);
    if (io.env.CUTOVER_CHECKPOINT_DEBUG && error instanceof Error)
      io.stderr.write(`${error.stack}
`);
    return EXIT_UNUSABLE;
  }
}
async function dispatch(argv, io) {
  const request = parseCliArgs(argv);
  switch (request.command) {
    case "help":
      io.stdout.write(`${USAGE}
`);
      return 0;
    case "version":
      io.stdout.write(`${io.version}
`);
      return 0;
    case "schema": {
      const schema = readOwn(
        BUILTIN_SCHEMAS,
        (builtinSchemaName(request.name) ?? request.name).replace(/\.schema\.json$/, "")
      );
      if (!schema)
        throw new UsageError(
          `unknown schema '${request.name}'; built-in schemas: ${Object.keys(BUILTIN_SCHEMAS).join(", ")}`
        );
      io.stdout.write(`${JSON.stringify(schema, null, 2)}
`);
      return 0;
    }
    case "init":
      return init(resolve3(io.cwd, request.cwd), request.force, io);
    case "verify-record":
      return runVerifyRecord(
        request.record,
        request.tree,
        request.decision,
        { stdout: guardForActions(io.stdout, io.env), cwd: io.cwd, env: io.env },
        /* @__PURE__ */ new Date()
      );
  }
  const log = (text) => io.stderr.write(`${text}
`);
  const root = workspaceRoot(request, io.cwd, log);
  const ports = createMachinePorts({
    root,
    evidenceDir: resolve3(root, request.outDir),
    env: io.env,
    ...io.git ? { git: io.git } : {},
    logger: { info: log, warn: (text) => log(`warning: ${text}`) },
    lookups: createOfflineLookups(
      "the CLI makes no GitHub API calls; run the Action for API lookups"
    )
  });
  const sink = createTerminalSink({
    // The readable verdict quotes command output: under Actions, no workflow command in it runs.
    // --json stays raw (its lines cannot start with `::`).
    stdout: request.json ? io.stdout : guardForActions(io.stdout, io.env),
    stderr: io.stderr,
    json: request.json,
    color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && !request.json,
    debug: Boolean(io.env.CUTOVER_CHECKPOINT_DEBUG)
  });
  if (request.command === "aggregate") {
    const records = request.records.map((path) => ({ path, text: readRecord(path, io.cwd) }));
    const { configPath, trustedRef } = request;
    return exitCodeOf(
      await runGate(ports, { configPath, records, ...trustedRef ? { trustedRef } : {} }, sink)
    );
  }
  const ask = readOrUsage(
    withShardDurations(request.ask, request.durationsFrom, io.cwd),
    "--durations "
  );
  const stop = request.command === "run" && request.runCommands ? stopOnSignals({
    notify: (text) => io.stderr.write(text),
    onSecondSignal: () => process.exit(130)
  }) : void 0;
  try {
    const result = await runGate(
      ports,
      {
        ...ask,
        scope: request.command,
        runCommands: request.runCommands,
        notRunReason: request.command === "validate" ? "validate does not run commands" : "--no-commands was given",
        defaultConcurrency: availableParallelism(),
        context: {
          repository: io.env.GITHUB_REPOSITORY ?? null,
          sha: io.env.GITHUB_SHA ?? null,
          ref: io.env.GITHUB_REF ?? null,
          event: io.env.GITHUB_EVENT_NAME ?? null,
          runUrl: null
        },
        events: createTerminalProgress(io.stderr),
        ...stop ? { signal: stop.signal } : {}
      },
      sink
    );
    return exitCodeOf(result);
  } finally {
    stop?.dispose();
  }
}
function exitCodeOf(result) {
  return result.kind === "judged" ? EXIT_CODES[result.record.verdict] : EXIT_UNUSABLE;
}
function readRecord(path, base) {
  return readOrUsage(readRecordFile(path, base));
}
function readOrUsage(outcome, prefix = "") {
  if (outcome.kind !== "ok")
    throw new UsageError(`${prefix}${outcome.reason}`, { cause: outcome.cause });
  return outcome.value;
}
function workspaceRoot(request, base, log) {
  const start = resolve3(base, request.cwd);
  const configPath = request.ask?.configPath ?? request.configPath ?? DEFAULT_CONFIG_PATH;
  if (configPath !== DEFAULT_CONFIG_PATH) return start;
  const root = findConfigRoot(start, configPath);
  if (root !== start) log(`using ${join2(root, configPath)} (found above ${start})`);
  return root;
}
export {
  EXIT_CODES,
  EXIT_UNUSABLE,
  main
};
