import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  BASELINE_FIELDS,
  DECISIONS,
  DECISION_TITLES,
  SEE_INTEGRITY_WARNING,
  STATE_ICONS,
  STATUS_ICONS,
  createMachinePorts,
  createOfflineLookups,
  createStopCommandsWriter,
  describeEnd,
  failGate,
  formatDuration,
  formatLocation,
  formatValue,
  globToRegExp,
  isEchoBackedUp,
  isFailing,
  labelSuffix,
  mdCode,
  mdProse,
  mdText,
  mdUrl,
  parseShardSpec,
  prefixLines,
  readRecordFile,
  renderHeadline,
  renderIntegrityWarning,
  renderMarkdown,
  runGate,
  stopOnSignals,
  unresolvedTrustedRef,
  wellFormed,
  withShardDurations
} from "./chunk-44TQ3HJI.js";
import {
  couldNot,
  createGit,
  git,
  ok,
  valueOrThrow
} from "./chunk-KVAU3R6B.js";
import "./chunk-3LSVC2XP.js";
import "./chunk-YWYC4T6G.js";
import "./chunk-WSMUT4KD.js";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os3 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function getBooleanInput(name, options) {
  const trueValue = ["true", "True", "TRUE"];
  const falseValue = ["false", "False", "FALSE"];
  const val = getInput(name, options);
  if (trueValue.includes(val))
    return true;
  if (falseValue.includes(val))
    return false;
  throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}
Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os3.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os3.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}

// src/adapters/github/command-log.ts
function createActionCommandLog(raw, backedUp = () => false) {
  const write = createStopCommandsWriter(raw);
  let parallel = false;
  return {
    onRunStart(commands, concurrency) {
      parallel = concurrency > 1 && commands.length > 1;
    },
    onStart(command) {
      if (parallel) write(`\u25B6 ${command.id}: ${command.run}
`);
      else startGroup(`${command.id}: ${command.run}`);
    },
    onOutput(command, text) {
      write(parallel ? prefixLines(`[${command.id}] `, text) : text);
    },
    isBackedUp: backedUp,
    onEnd(command, result) {
      const line = `${describeEnd(result)} ${command.id}${result.state === "ran" ? ` in ${formatDuration(result.durationMs)}` : ""}`;
      if (!parallel && result.state === "ran") {
        endGroup();
        info(line);
        return;
      }
      if (parallel && result.state === "ran") {
        startGroup(line);
        write(result.outputTail);
        endGroup();
        return;
      }
      info(line);
    }
  };
}

// src/adapters/github/step-io.ts
function createRunnerStepIo() {
  return {
    setOutput: (name, value) => setOutput(name, value),
    appendSummary: async (markdown) => {
      await summary.addRaw(markdown).write();
    },
    info: (message) => info(message),
    echo: createStopCommandsWriter((text) => process.stdout.write(text)),
    notice: (message) => notice(message),
    warning: (message) => warning(message),
    error: (message, at) => error(
      message,
      at ? { file: at.file, startLine: at.line, startColumn: at.column } : void 0
    ),
    fail: (message) => setFailed(message),
    mask: (secret) => setSecret(secret)
  };
}

// src/action/constants.ts
var INPUTS = {
  config: "config",
  decision: "decision",
  modes: "modes",
  releaseTag: "release-tag",
  commitSha: "commit-sha",
  serviceContractVersion: "service-contract-version",
  apiContractVersion: "api-contract-version",
  integrationBaseline: "integration-baseline",
  githubToken: "github-token",
  checkName: "check-name",
  comment: "comment",
  failOn: "fail-on",
  publish: "publish",
  evidenceDir: "evidence-dir",
  conditionalConclusion: "conditional-conclusion",
  workingDirectory: "working-directory",
  shard: "shard",
  durations: "durations",
  aggregate: "aggregate"
};
var OUTPUTS = {
  verdict: "verdict",
  rehearsal: "rehearsal",
  cutover: "cutover",
  record: "record",
  report: "report",
  blockingChecks: "blocking-checks",
  checkRunId: "check-run-id",
  checkRunUrl: "check-run-url",
  commentId: "comment-id",
  commentUrl: "comment-url"
};

// src/action/working-directory.ts
import { existsSync as existsSync2, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
function checkWorkingDirectory(workspace, value) {
  const outside = (from, to) => {
    const path = relative(from, to);
    return path === ".." || path.startsWith(`..${"/"}`) || path.startsWith("..\\") || isAbsolute(path);
  };
  const expected = "Expected a directory inside the workspace, e.g. services/api.";
  if (isAbsolute(value) || outside(workspace, resolve(workspace, value)))
    return `Invalid input 'working-directory': '${value}' leads outside the workspace. ${expected}`;
  const target = resolve(workspace, value);
  if (existsSync2(target) && existsSync2(workspace) && outside(realpathSync(workspace), realpathSync(target)))
    return `Invalid input 'working-directory': '${value}' leads outside the workspace through a symlink. ${expected}`;
  return void 0;
}

// src/action/inputs.ts
var RUNNER_INPUTS = {
  getInput: (name) => getInput(name),
  getBooleanInput: (name) => getBooleanInput(name)
};
var InputError = class extends Error {
};
function oneOf(name, value, allowed) {
  if (!allowed.includes(value))
    throw new InputError(
      `Invalid input '${name}': '${value}'. Expected one of: ${allowed.join(", ")}.`
    );
  return value;
}
var BASELINE_INPUTS = [
  INPUTS.releaseTag,
  INPUTS.commitSha,
  INPUTS.serviceContractVersion,
  INPUTS.apiContractVersion,
  INPUTS.integrationBaseline
];
function readInputs(source, workspace, dispatch = {}) {
  const get = (name) => source.getInput(name);
  const baseline = {};
  BASELINE_FIELDS.forEach((field, i) => {
    const value = get(BASELINE_INPUTS[i]);
    if (value.length > 256)
      throw new InputError(
        `Invalid input '${BASELINE_INPUTS[i]}': ${value.length} characters long. Expected at most 256.`
      );
    if (value) baseline[field] = value;
  });
  const publishing = readPublishingInputs(source);
  const ask = {
    configPath: get(INPUTS.config) || ".github/cutover-checkpoint.yml",
    decision: oneOf(
      INPUTS.decision,
      dispatch.decision || get(INPUTS.decision) || "rehearsal",
      DECISIONS
    ),
    modes: (dispatch.modes || get(INPUTS.modes)).split(/[\s,]+/).filter(Boolean),
    inputs: baseline,
    ...readShard(get(INPUTS.shard))
  };
  return {
    ...publishing,
    publish: get(INPUTS.publish) === "" ? true : source.getBooleanInput(INPUTS.publish),
    ask,
    comment: oneOf(INPUTS.comment, get(INPUTS.comment) || "auto", [
      "auto",
      "always",
      "never"
    ]),
    failOn: oneOf(INPUTS.failOn, get(INPUTS.failOn) || "no-go", [
      "no-go",
      "conditional",
      "never"
    ]),
    evidenceDir: get(INPUTS.evidenceDir) || "checkpoint-evidence",
    conditionalConclusion: readConditionalConclusion(get(INPUTS.conditionalConclusion)),
    workingDirectory: readWorkingDirectory(get(INPUTS.workingDirectory) || ".", workspace),
    durations: get(INPUTS.durations),
    aggregate: get(INPUTS.aggregate)
  };
}
function readConditionalConclusion(value) {
  if (value === "neutral" || value === "success")
    throw new InputError(
      `Invalid input '${INPUTS.conditionalConclusion}': '${value}'. A CONDITIONAL verdict is never green, and branch protection counts ${value} as passing. Expected one of: action_required (default), failure.`
    );
  return oneOf(INPUTS.conditionalConclusion, value || "action_required", [
    "action_required",
    "failure"
  ]);
}
function readWorkingDirectory(value, workspace) {
  const problem = checkWorkingDirectory(workspace, value);
  if (problem) throw new InputError(problem);
  return value;
}
function readShard(text) {
  if (!text) return {};
  const shard = parseShardSpec(text);
  if (shard.kind !== "ok") throw new InputError(`Invalid input 'shard': ${shard.reason}.`);
  return { shard: shard.value };
}
function readPublishingInputs(source) {
  return {
    githubToken: source.getInput(INPUTS.githubToken),
    checkName: source.getInput(INPUTS.checkName) || "Cutover checkpoint",
    publish: source.getInput(INPUTS.publish).trim().toLowerCase() !== "false"
  };
}

// src/action/main.ts
import { availableParallelism } from "node:os";
import { relative as relative3, resolve as resolve2 } from "node:path";

// src/adapters/github/context.ts
var PR_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "workflow_run"]);
function resolveGitHubContext(env, event) {
  const eventName = env.GITHUB_EVENT_NAME ?? "unknown";
  const repository = env.GITHUB_REPOSITORY ?? "";
  const [owner, repo] = repository.split("/");
  if (!owner || !repo)
    throw new Error(
      `GITHUB_REPOSITORY is '${repository}'; expected owner/repo (is this running on GitHub Actions?)`
    );
  const serverUrl = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/$/, "");
  const apiUrl = (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, "");
  const pullRequest = findPullRequest(eventName, event);
  const sha2 = pullRequest?.headSha ?? mergeGroupSha(event) ?? workflowRunSha(eventName, event) ?? env.GITHUB_SHA ?? "";
  const inputs = event.inputs ?? {};
  return {
    eventName,
    owner,
    repo,
    sha: sha2,
    ref: env.GITHUB_REF ?? null,
    pullRequest,
    apiUrl,
    serverUrl,
    runUrl: env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : null,
    dispatchInputs: Object.fromEntries(
      Object.entries(inputs).filter(([, v]) => typeof v === "string")
    )
  };
}
function findPullRequest(eventName, event) {
  if (eventName === "pull_request" || eventName === "pull_request_target") {
    const pr = event.pull_request;
    if (!pr) return null;
    return {
      number: pr.number,
      headSha: pr.head.sha,
      baseSha: pr.base.sha,
      fork: (pr.head.repo?.full_name ?? "") !== (pr.base.repo?.full_name ?? "")
    };
  }
  if (eventName === "workflow_run") {
    const run2 = event.workflow_run;
    const pr = run2?.pull_requests?.[0];
    if (!run2 || !pr) return null;
    return {
      number: pr.number,
      headSha: pr.head.sha,
      baseSha: pr.base.sha,
      fork: (run2.head_repository?.full_name ?? "") !== (run2.repository?.full_name ?? "")
    };
  }
  return null;
}
function mergeGroupSha(event) {
  return event.merge_group?.head_sha;
}
function workflowRunSha(eventName, event) {
  return eventName === "workflow_run" ? event.workflow_run?.head_sha : void 0;
}

// src/adapters/github/event.ts
import { readFileSync } from "node:fs";
function readEventPayload(path) {
  if (!path) return ok({});
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error2) {
    return couldNot(
      `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${error2.message}`,
      error2
    );
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error2) {
    return couldNot(
      `the event payload at GITHUB_EVENT_PATH=${path} is not JSON (${error2.message})`,
      error2
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return couldNot(
      `the event payload at GITHUB_EVENT_PATH=${path} is not a JSON object (got ${Array.isArray(value) ? "an array" : String(value === null ? "null" : typeof value)})`
    );
  return ok(value);
}

// src/adapters/github/api-errors.ts
function describeApiError(error2) {
  if (typeof error2 === "object" && error2 !== null && "status" in error2 && typeof error2.status === "number") {
    return {
      status: error2.status,
      message: String(error2.message ?? "")
    };
  }
  return void 0;
}
function isServerError(error2) {
  return (describeApiError(error2)?.status ?? 0) >= 500;
}

// src/adapters/github/policy-source.ts
import { createHash } from "node:crypto";
var MAX_CONTENT_BYTES = 1024 * 1024;
var FETCH_DEPTH = "or check out with `fetch-depth: 0` (actions/checkout) so git can read it";
function createPolicySource(client, repository, pathPrefix) {
  return async (sha2, path) => {
    const where = `${pathPrefix}${path} at ${sha2.slice(0, 12)}`;
    const unavailable = (why) => ({
      kind: "unavailable",
      path,
      reason: `the trusted ref's objects are not in this clone and the contents API could not give ${where}: ${why}; ${FETCH_DEPTH}`
    });
    if (!/^[0-9a-f]{40}$/.test(sha2)) return unavailable("the trusted ref is not a full commit sha");
    try {
      const { data } = await client.rest.repos.getContent({
        ...repository,
        path: `${pathPrefix}${path}`,
        ref: sha2
      });
      if (Array.isArray(data) || data.type !== "file")
        return unavailable(`it is a ${Array.isArray(data) ? "directory" : data.type}`);
      if (data.size > MAX_CONTENT_BYTES || !("content" in data) || data.encoding !== "base64")
        return unavailable(`it is larger than 1 MB (${data.size} bytes)`);
      const bytes = Buffer.from(data.content, "base64");
      if (bytes.length !== data.size)
        return unavailable(`the API gave ${bytes.length} of ${data.size} bytes`);
      return {
        kind: "ok",
        path,
        text: bytes.toString("utf8"),
        sha256: createHash("sha256").update(bytes).digest("hex"),
        bytes: bytes.length
      };
    } catch (error2) {
      const api = describeApiError(error2);
      if (!api) throw error2;
      return unavailable(
        api.status === 404 || api.status === 403 ? `HTTP ${api.status} (absent there, or the token lacks \`contents: read\`)` : `HTTP ${api.status}: ${api.message}`
      );
    }
  };
}

// src/adapters/github/signoff-lookups.ts
function createSignoffLookup(client, repository, subject) {
  const unavailable = (what, permission, error2) => {
    const api = describeApiError(error2);
    if (!api) throw error2;
    const reason = api.status === 403 || api.status === 404 ? `the token cannot read ${what} (HTTP ${api.status}; needs ${permission})` : `${what} could not be read (HTTP ${api.status}: ${api.message})`;
    return { kind: "unavailable", reason };
  };
  const notAsked = { kind: "unavailable", reason: "not needed: verify is file" };
  const pullRequest = async () => {
    let target = subject.pullRequest;
    if (!target && subject.event === "push" && subject.sha) {
      try {
        const pulls = await client.paginate(
          client.rest.repos.listPullRequestsAssociatedWithCommit,
          { ...repository, commit_sha: subject.sha, per_page: 100 }
        );
        const merged = pulls.find((p) => p.merged_at && p.merge_commit_sha === subject.sha);
        if (merged) target = { number: merged.number, headSha: merged.head.sha };
      } catch (error2) {
        return unavailable(`the pull requests of ${subject.sha}`, "`pull-requests: read`", error2);
      }
      if (!target)
        return {
          kind: "unavailable",
          reason: `no merged pull request has ${subject.sha.slice(0, 12)} as its merge commit`
        };
    }
    if (!target)
      return { kind: "unavailable", reason: `a ${subject.event} run is not about a pull request` };
    const { number, headSha } = target;
    try {
      const reviews = await client.paginate(client.rest.pulls.listReviews, {
        ...repository,
        pull_number: number,
        per_page: 100
      });
      return {
        kind: "ok",
        value: {
          number,
          headSha,
          url: `${subject.serverUrl}/${repository.owner}/${repository.repo}/pull/${number}`,
          reviews: reviews.flatMap(
            (r) => r.user ? [
              {
                id: r.id,
                login: r.user.login,
                state: r.state,
                commitId: r.commit_id,
                submittedAt: r.submitted_at ?? null,
                url: r.html_url
              }
            ] : []
          )
        }
      };
    } catch (error2) {
      return unavailable(`the reviews of pull request #${number}`, "`pull-requests: read`", error2);
    }
  };
  const runApprovals = async () => {
    if (!subject.runId) return { kind: "unavailable", reason: "GITHUB_RUN_ID is not set" };
    try {
      const { data } = await client.rest.actions.getReviewsForRun({
        ...repository,
        run_id: Number(subject.runId)
      });
      return {
        kind: "ok",
        value: {
          runUrl: subject.runUrl,
          approvals: data.map((a) => ({
            login: a.user.login,
            state: a.state,
            environments: (a.environments ?? []).flatMap((e) => e.name ? [e.name] : []),
            comment: a.comment
          }))
        }
      };
    } catch (error2) {
      return unavailable(`the approvals of run ${subject.runId}`, "`actions: read`", error2);
    }
  };
  const team = async (entry) => {
    const [org, slug] = entry.slice(1).split("/");
    try {
      const members = await client.paginate(client.rest.teams.listMembersInOrg, {
        org,
        team_slug: slug,
        per_page: 100
      });
      return { kind: "ok", value: members.map((m) => m.login) };
    } catch (error2) {
      return unavailable(
        `team ${entry}`,
        "a token with `read:org` (GITHUB_TOKEN cannot read team membership)",
        error2
      );
    }
  };
  return async ({ github, teams }) => {
    const [pull, runs, ...members] = await Promise.all([
      github ? pullRequest() : notAsked,
      github ? runApprovals() : notAsked,
      ...teams.map(team)
    ]);
    return {
      pullRequest: pull,
      runApprovals: runs,
      teams: Object.fromEntries(teams.map((entry, i) => [entry, members[i]]))
    };
  };
}

// src/adapters/github/lookups.ts
function createApiLookups(client, defaultRepository, subject, pathPrefix = "") {
  const split = (full) => {
    const [owner, repo] = full.split("/");
    return { owner, repo };
  };
  const unavailable = (what, error2) => {
    const api = describeApiError(error2);
    if (!api) throw error2;
    const why = api.status === 403 || api.status === 404 ? `the token cannot read ${what} (HTTP ${api.status}; grant read access, e.g. \`issues: read\` / \`checks: read\`, or a token for that repository)` : `${what} could not be read (HTTP ${api.status}: ${api.message})`;
    return { kind: "unavailable", reason: why };
  };
  return {
    signoff: createSignoffLookup(client, split(defaultRepository), subject),
    policyFileAt: createPolicySource(client, split(defaultRepository), pathPrefix),
    async incidents(config) {
      const repository = split(config.repository ?? defaultRepository);
      try {
        const open = /* @__PURE__ */ new Map();
        for (const label of config.labels) {
          const issues = await client.paginate(client.rest.issues.listForRepo, {
            ...repository,
            state: "open",
            labels: label,
            per_page: 100
          });
          for (const issue2 of issues) {
            if (issue2.pull_request) continue;
            open.set(issue2.number, {
              number: issue2.number,
              title: issue2.title,
              url: issue2.html_url,
              labels: issue2.labels.map((l) => typeof l === "string" ? l : l.name ?? "")
            });
          }
        }
        return {
          kind: "ok",
          value: { open: [...open.values()].sort((a, b) => a.number - b.number) }
        };
      } catch (error2) {
        return unavailable(`issues of ${repository.owner}/${repository.repo}`, error2);
      }
    },
    async consumerCheck(config) {
      const repository = split(config.repository);
      try {
        const { data } = await client.rest.checks.listForRef({
          ...repository,
          ref: config.ref ?? "HEAD",
          check_name: config.checkName,
          filter: "latest",
          per_page: 1
        });
        const run2 = data.check_runs[0];
        if (!run2)
          return {
            kind: "unavailable",
            reason: `no check named '${config.checkName}' on ${config.repository}@${config.ref ?? "HEAD"}`
          };
        return {
          kind: "ok",
          value: {
            status: run2.status,
            conclusion: run2.conclusion ?? null,
            url: run2.html_url ?? void 0
          }
        };
      } catch (error2) {
        return unavailable(`check runs of ${repository.owner}/${repository.repo}`, error2);
      }
    }
  };
}

// src/adapters/glob-files.ts
import { readdirSync } from "node:fs";
import { join, relative as relative2 } from "node:path";
function globFiles(root, glob) {
  const regex = globToRegExp(glob.replace(/^\.\//, ""));
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === ".git" || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (regex.test(relative2(root, path))) found.push(relative2(root, path));
    }
  };
  walk(root);
  return found.sort();
}

// src/core/github/judged-commit.ts
function checkJudgedCommit(plan, head) {
  const requirement = plan.head;
  if (requirement.kind === "any") return null;
  if (requirement.kind === "equals" && head.sha === requirement.sha) return null;
  if (requirement.kind === "merge-of" && (head.sha === requirement.headSha || head.parents.length === 2 && head.parents[1] === requirement.headSha))
    return null;
  const expected = requirement.kind === "equals" ? requirement.sha : `a merge commit whose second parent is ${requirement.headSha} (or that commit itself)`;
  return `the workspace holds ${head.sha}, but this ${plan.event} event is about ${expected}; no verdict is published for a commit that was not judged. Check out the right commit: ${plan.checkoutHint}`;
}
function explainUnreadableHead(plan, reason, eventSha) {
  const requirement = plan.head;
  const expected = requirement.kind === "equals" ? `${requirement.sha}, the commit this ${plan.event} event is about` : requirement.kind === "merge-of" ? `the merge commit of ${requirement.headSha}, the head of the pull request this ${plan.event} event is about` : `${eventSha ?? "(GITHUB_SHA is not set)"}, the commit this ${plan.event} run was started on`;
  return `could not read the workspace's HEAD (${reason}), so it cannot confirm that it would judge ${expected}; no verdict is published for a commit that was not judged. Check out the repository: ${plan.checkoutHint}`;
}
function resolveTrustedSha(plan, head) {
  const rule = plan.trustedRef;
  if (rule.kind === "sha") return rule.sha;
  if (rule.kind === "merge-first-parent")
    return head.parents.length === 2 && head.parents[0] ? head.parents[0] : rule.fallbackSha ?? { defaultBranch: null };
  return { defaultBranch: rule.branch };
}

// src/app/trusted-ref.ts
async function resolveTrustedRef(plan, facts) {
  if (plan.kind === "skip") return { kind: "unknown", reason: plan.reason };
  const head = await facts.head();
  if (!head) return { kind: "unknown", reason: "git cannot read HEAD" };
  const rule = resolveTrustedSha(plan, head);
  if (typeof rule === "string") return { kind: "sha", sha: rule };
  const branch = rule.defaultBranch;
  if (!branch)
    return { kind: "unknown", reason: "the event payload names no default branch to trust" };
  if (facts.runner.ref === `refs/heads/${branch}` && facts.runner.sha === head.sha)
    return { kind: "sha", sha: head.sha };
  const tip = await facts.defaultTip(branch);
  if (!tip)
    return {
      kind: "unknown",
      reason: `the tip of the default branch '${branch}' is not in this clone and could not be looked up (check out with \`fetch-depth: 0\`, or give a github-token with \`contents: read\`)`
    };
  if (tip === head.sha || await facts.isAncestor(head.sha, tip) === true)
    return { kind: "sha", sha: head.sha };
  return { kind: "sha", sha: tip };
}

// src/core/github/event-payload.ts
function pullRequestOf(pr, repository, fork) {
  const number = pr?.number;
  const head = obj(pr?.head);
  const base = obj(pr?.base);
  const headSha = sha(head?.sha);
  if (typeof number !== "number" || !Number.isSafeInteger(number) || !headSha) return null;
  const headRepo = str(obj(head?.repo)?.full_name);
  const baseRepo = str(obj(base?.repo)?.full_name) ?? repository;
  return {
    number,
    headSha,
    baseSha: sha(base?.sha) ?? null,
    fork: fork ?? (headRepo !== null && baseRepo !== null ? headRepo !== baseRepo : false)
  };
}
function obj(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}
function str(value) {
  return typeof value === "string" && value.length > 0 ? value : null;
}
function sha(value) {
  return typeof value === "string" && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(value) ? value.toLowerCase() : void 0;
}

// src/core/github/event-plan.ts
var ZERO_SHA = /^0{40}$/;
function planEvent(eventName, payload, env) {
  const skip = (reason) => ({ kind: "skip", event: eventName, reason });
  const defaultBranch = str(obj(payload.repository)?.default_branch);
  const push = (subject, head, hint) => ({
    kind: "judge",
    event: eventName,
    subjectSha: subject,
    head,
    trustedRef: { kind: "default-branch", branch: defaultBranch },
    runCommands: true,
    pullRequest: null,
    lookUpPullRequest: false,
    checkoutHint: hint
  });
  switch (eventName) {
    case "pull_request":
    case "pull_request_target": {
      const pr = pullRequestOf(obj(payload.pull_request), env.repository);
      if (!pr) return skip(`the ${eventName} payload names no pull request`);
      const raw = obj(payload.pull_request);
      if (payload.action === "closed") {
        const merged = raw.merged === true ? sha(raw.merge_commit_sha) : void 0;
        if (!merged)
          return skip(
            `pull request #${pr.number} was closed without being merged: nothing to judge`
          );
        return {
          ...push(merged, { kind: "equals", sha: merged }, "uses: actions/checkout"),
          pullRequest: pr
        };
      }
      if (eventName === "pull_request_target")
        return {
          kind: "judge",
          event: eventName,
          subjectSha: pr.headSha,
          head: { kind: "equals", sha: pr.headSha },
          trustedRef: pr.baseSha ? { kind: "sha", sha: pr.baseSha } : { kind: "default-branch", branch: defaultBranch },
          runCommands: false,
          notRunReason: "pull_request_target runs no verification commands (they would run pull request code with a write token)",
          pullRequest: pr,
          lookUpPullRequest: false,
          checkoutHint: `uses: actions/checkout with ref: \${{ github.event.pull_request.head.sha }} (and persist-credentials: false)`
        };
      return {
        kind: "judge",
        event: eventName,
        subjectSha: pr.headSha,
        head: { kind: "merge-of", headSha: pr.headSha },
        trustedRef: { kind: "merge-first-parent", fallbackSha: pr.baseSha },
        runCommands: true,
        pullRequest: pr,
        lookUpPullRequest: false,
        checkoutHint: "uses: actions/checkout (its default ref on pull_request is the merge commit)"
      };
    }
    case "merge_group": {
      const group = obj(payload.merge_group);
      const head = sha(group?.head_sha);
      const base = sha(group?.base_sha);
      if (!head) return skip("the merge_group payload names no head_sha");
      return {
        kind: "judge",
        event: eventName,
        subjectSha: head,
        head: { kind: "equals", sha: head },
        trustedRef: base ? { kind: "sha", sha: base } : { kind: "default-branch", branch: defaultBranch },
        runCommands: true,
        pullRequest: null,
        lookUpPullRequest: false,
        checkoutHint: "uses: actions/checkout (its default ref on merge_group is merge_group.head_sha)"
      };
    }
    case "push": {
      const after = str(payload.after) ?? env.sha;
      if (payload.deleted === true || after && ZERO_SHA.test(after))
        return skip("this push deleted a branch or tag: nothing to judge");
      if (!after || !sha(after)) return skip("the push payload names no commit");
      return push(
        after,
        { kind: "equals", sha: after },
        "uses: actions/checkout (its default ref on push is the pushed commit)"
      );
    }
    case "workflow_dispatch":
    case "schedule":
    case "repository_dispatch":
      return push(null, { kind: "any" }, "uses: actions/checkout");
    case "workflow_run": {
      const run2 = obj(payload.workflow_run);
      const head = sha(run2?.head_sha);
      if (!run2 || !head) return skip("the workflow_run payload names no head_sha");
      const thisRepo = str(obj(run2.repository)?.full_name) ?? str(obj(payload.repository)?.full_name) ?? env.repository;
      const fromElsewhere = str(obj(run2.head_repository)?.full_name) !== thisRepo;
      const prs = Array.isArray(run2.pull_requests) ? run2.pull_requests : [];
      const pr = prs.length > 0 ? pullRequestOf(obj(prs[0]), null, fromElsewhere) : null;
      const lookUp = pr === null && (fromElsewhere || /^pull_request/.test(str(run2.event) ?? ""));
      const headOwner = str(obj(obj(run2.head_repository)?.owner)?.login);
      const headBranch = str(run2.head_branch);
      return {
        kind: "judge",
        event: eventName,
        subjectSha: head,
        head: { kind: "equals", sha: head },
        trustedRef: { kind: "default-branch", branch: defaultBranch },
        runCommands: !fromElsewhere,
        ...fromElsewhere ? {
          notRunReason: "workflow_run from a fork or another repository runs no verification commands (they would run untrusted code with a write token)"
        } : {},
        pullRequest: pr,
        lookUpPullRequest: lookUp,
        ...lookUp && headOwner && headBranch ? { headLabel: `${headOwner}:${headBranch}` } : {},
        checkoutHint: "uses: actions/checkout with ref: ${{ github.event.workflow_run.head_sha }}"
      };
    }
    case "check_suite":
    case "check_run": {
      if (payload.action !== "rerequested")
        return skip(
          `${eventName}.${String(payload.action)} is not a re-run request: nothing to judge`
        );
      const suite = eventName === "check_suite" ? obj(payload.check_suite) : obj(obj(payload.check_run)?.check_suite);
      const head = sha(suite?.head_sha);
      if (!head) return skip(`the ${eventName} payload names no check_suite.head_sha`);
      const prs = Array.isArray(suite?.pull_requests) ? suite.pull_requests : [];
      const pr = prs.length > 0 ? pullRequestOf(obj(prs[0]), null) : null;
      return {
        kind: "judge",
        event: eventName,
        subjectSha: head,
        head: { kind: "equals", sha: head },
        trustedRef: pr?.baseSha ? { kind: "sha", sha: pr.baseSha } : { kind: "default-branch", branch: defaultBranch },
        runCommands: true,
        pullRequest: pr,
        lookUpPullRequest: false,
        checkoutHint: `uses: actions/checkout with ref: \${{ github.event.${eventName === "check_suite" ? "check_suite" : "check_run.check_suite"}.head_sha }}`
      };
    }
    default:
      return skip(
        `the gate does not judge ${eventName} events (it runs on pull_request, pull_request_target, merge_group, push, workflow_dispatch, schedule, workflow_run and check re-runs)`
      );
  }
}

// src/adapters/trusted-ref.ts
var SHA = /^[0-9a-f]{40}$/;
var SAFE_BRANCH = /^(?!-)[\w./-]+$/;
function createTrustedRefFacts(root, runner, api, git2 = git) {
  return {
    runner,
    async head() {
      const head = await createGit(root, git2).headCommit();
      if (head.kind !== "ok" || !SHA.test(head.sha)) return null;
      return { sha: head.sha, parents: head.parents.filter((parent) => SHA.test(parent)) };
    },
    async defaultTip(branch) {
      if (!SAFE_BRANCH.test(branch) || branch.includes("..")) return null;
      const local = await git2(root, [
        "rev-parse",
        "--verify",
        "-q",
        `refs/remotes/origin/${branch}^{commit}`
      ]);
      if (local.kind === "ok" && SHA.test(local.stdout.trim())) return local.stdout.trim();
      if (!api) return null;
      try {
        const { data } = await api.client.rest.repos.getBranch({
          owner: api.owner,
          repo: api.repo,
          branch
        });
        return SHA.test(data.commit.sha) ? data.commit.sha : null;
      } catch (error2) {
        if (!describeApiError(error2)) throw error2;
        return null;
      }
    },
    async isAncestor(sha2, tip) {
      if (!SHA.test(sha2) || !SHA.test(tip)) return null;
      const answer = await git2(root, ["merge-base", "--is-ancestor", sha2, tip]);
      if (answer.kind === "ok") return true;
      return answer.kind === "said-no" && answer.exitCode === 1 ? false : null;
    }
  };
}
async function trustedRefForEvent(root, env, eventName, payload, api, git2) {
  const sha2 = env.GITHUB_SHA ?? "";
  const plan = planEvent(eventName, payload, {
    sha: sha2 || null,
    repository: env.GITHUB_REPOSITORY ?? null
  });
  const facts = createTrustedRefFacts(root, { ref: env.GITHUB_REF ?? null, sha: sha2 }, api, git2);
  const answer = await resolveTrustedRef(plan, facts);
  return answer.kind === "sha" ? answer.sha : unresolvedTrustedRef(answer.reason);
}

// src/core/github/publication-errors.ts
var TRANSPORT = /bad port|fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|socket hang up|network|getaddrinfo|certificate/i;
function classifyApiFailure(failure) {
  if (failure.code || failure.status === void 0 && TRANSPORT.test(failure.message))
    return "unreachable";
  if (failure.status === 500 && TRANSPORT.test(failure.message)) return "unreachable";
  if (failure.status === 401) return "bad-credentials";
  if (failure.status === 403 && /authenticate via a GitHub App/i.test(failure.message))
    return "app-token-required";
  if ((failure.status === 403 || failure.status === 429) && /rate limit/i.test(failure.message))
    return "rate-limited";
  if (failure.status === 403 || failure.status === 404) return "permission";
  return "other";
}
function explainPublicationFailure(what, permission, failure, apiUrl) {
  const said = failure.message.trim().slice(0, 300);
  switch (classifyApiFailure(failure)) {
    case "unreachable":
      return `could not ${what}: the GitHub API at ${apiUrl} could not be reached (${failure.code ?? said}). Nothing was published; the verdict, outputs and job summary stand.`;
    case "bad-credentials":
      return `could not ${what}: GitHub rejected the token (HTTP 401: ${said}). It is expired, revoked or not a GitHub token; check the \`github-token\` input.`;
    case "app-token-required":
      return `could not ${what}: GitHub says "${said}" Check runs can only be created with a GitHub App installation token: the workflow's own GITHUB_TOKEN (with \`checks: write\`) or an app token (e.g. actions/create-github-app-token), not a personal access token or an OAuth token.`;
    case "rate-limited":
      return `could not ${what}: GitHub's rate limit was reached (HTTP ${failure.status}: ${said}).`;
    case "permission":
      return `could not ${what}: the token is not allowed to (HTTP ${failure.status}: ${said}); it needs \`${permission}\` in the workflow's \`permissions:\` block. On pull requests from forks the token is read-only.`;
    default:
      return `could not ${what} (HTTP ${failure.status ?? "?"}: ${said}).`;
  }
}
function explainMissingToken(checkName) {
  return `github-token is empty (GitHub gives none to Dependabot and fork pull requests, or the workflow passed ''): no check run or comment was published. The verdict, outputs, job summary and step result stand. A required status check named '${checkName}' will wait for a check run that never comes; give the step a token, or require this job's own status instead.`;
}

// src/action/judged-commit.ts
function planRun(context, payload, env) {
  return planEvent(context.eventName, payload, {
    sha: env.GITHUB_SHA ?? null,
    repository: env.GITHUB_REPOSITORY ?? null
  });
}
function confirmJudgedCommit(plan, head, eventSha) {
  if (head.kind !== "ok")
    return {
      kind: "wrong-commit",
      message: `cutover-checkpoint ${explainUnreadableHead(plan, head.reason, eventSha || null)}`
    };
  const problem = checkJudgedCommit(plan, { sha: head.sha, parents: head.parents });
  if (problem) return { kind: "wrong-commit", message: `cutover-checkpoint: ${problem}` };
  return { kind: "confirmed", headSha: head.sha, subjectSha: plan.subjectSha ?? head.sha };
}
function contextFor(context, plan, subjectSha) {
  return {
    ...context,
    sha: subjectSha,
    pullRequest: plan.pullRequest,
    lookUpPullRequest: plan.lookUpPullRequest,
    ...plan.headLabel ? { headLabel: plan.headLabel } : {}
  };
}

// src/core/render/github/limits.ts
var CHECK_RUN_TEXT_LIMIT = 65535;
var COMMENT_LIMIT = 65536;
var ANNOTATIONS_PER_REQUEST = 50;
function byteLength(text) {
  return new TextEncoder().encode(text).length;
}
function fitWithin(renderings, limit, measure, moreAt) {
  let last = "";
  for (const render of renderings) {
    last = render();
    if (measure(last) <= limit) return last;
  }
  const notice2 = `

---
_Truncated to fit GitHub's limit of ${limit.toLocaleString("en-US")}; the full report is ${moreAt}._
`;
  let reserve = 0;
  for (; ; ) {
    const cut = longestPrefixWithin(last, limit - measure(notice2) - reserve, measure);
    const open = openFence(cut);
    const closed = open ? `${cut}
${open}` : cut;
    if (measure(closed + notice2) <= limit || reserve >= limit) return closed + notice2;
    reserve += measure(`
${open}`);
  }
}
function longestPrefixWithin(text, budget, measure) {
  let low = 0;
  let high = Math.max(0, Math.min(text.length, budget));
  while (low < high) {
    const middle = low + high + 1 >> 1;
    if (measure(text.slice(0, middle)) <= budget) low = middle;
    else high = middle - 1;
  }
  const cut = text.slice(0, low);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
function openFence(text) {
  let open;
  for (const line of text.split("\n")) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (open === void 0) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence)
      open = void 0;
  }
  return open;
}

// src/core/render/github/decision-summary.ts
function renderDecisionSummary(record, maxItems) {
  const lines = [];
  const warning2 = renderIntegrityWarning(record);
  if (warning2) lines.push(warning2, "");
  lines.push("| Decision | State |", "|---|---|");
  for (const decision of DECISIONS) {
    const outcome = record.decisions[decision];
    const label = labelSuffix(outcome);
    lines.push(
      `| ${DECISION_TITLES[decision]}${decision === record.decision_requested ? " (requested)" : ""} | ${STATE_ICONS[outcome.state]} **${outcome.state}**${label} |`
    );
  }
  if (record.abort_triggers.length > 0) {
    lines.push(
      "",
      `**\u{1F6D1} Abort triggers** (each blocks every decision): ${record.abort_triggers.map((id) => mdCode(id)).join(", ")}`
    );
  }
  for (const decision of DECISIONS) {
    const outcome = record.decisions[decision];
    if (outcome.state === "GO") continue;
    lines.push("", `#### ${DECISION_TITLES[decision]}: ${outcome.state} \u2192 GO needs`, "");
    for (const item of outcome.to_go.slice(0, maxItems)) {
      const values = item.expected !== void 0 || item.observed !== void 0 ? ` (expected ${mdCode(formatValue(item.expected, 80))}, observed ${mdCode(formatValue(item.observed, 80))})` : "";
      const icon = STATUS_ICONS[item.status] ?? "";
      lines.push(
        item.check === "gate.integrity" ? `- ${icon} ${mdCode(item.check)}: ${SEE_INTEGRITY_WARNING}` : `- ${icon} ${mdCode(item.check)}: ${mdProse(item.summary)}${values}`
      );
    }
    if (outcome.to_go.length > maxItems)
      lines.push(`- \u2026 and ${outcome.to_go.length - maxItems} more`);
  }
  const counts = /* @__PURE__ */ new Map();
  for (const check of record.checks) counts.set(check.status, (counts.get(check.status) ?? 0) + 1);
  lines.push(
    "",
    `${record.checks.length} checks: ${[...counts].map(([status, n]) => `${n} ${status}`).join(", ")} \xB7 gate ${mdCode(record.gate.name)}${record.gate.version ? ` ${mdText(record.gate.version)}` : ""}`
  );
  return lines.join("\n") + "\n";
}

// src/core/render/github/check-run.ts
function mapConclusion(verdict, conditional = "action_required") {
  return verdict === "GO" ? "success" : verdict === "NO-GO" ? "failure" : conditional;
}
function renderCheckTitle(record) {
  const requested = record.decision_requested;
  return [requested, ...DECISIONS.filter((d) => d !== requested)].map((d) => `${d === "cutover" ? "Cutover" : DECISION_TITLES[d]} ${record.decisions[d].state}`).join(" \xB7 ");
}
function renderCheckOutput(record, runUrl) {
  const url = mdUrl(runUrl);
  const where = url ? `in the [workflow run](${url}) (job summary and the \`decision-record.json\` artifact)` : "in the job summary";
  const measure = byteLength;
  return {
    title: renderCheckTitle(record),
    summary: fitWithin(
      [
        () => renderDecisionSummary(record, 50),
        () => renderDecisionSummary(record, 10),
        () => renderDecisionSummary(record, 3)
      ],
      CHECK_RUN_TEXT_LIMIT,
      measure,
      where
    ),
    text: fitWithin(
      [
        () => renderMarkdown(record),
        () => renderMarkdown(record, { passingChecks: false, outputTails: true, findingsPerCheck: 20 }),
        () => renderMarkdown(record, {
          passingChecks: false,
          outputTails: false,
          findingsPerCheck: 10
        }),
        () => renderMarkdown(record, { passingChecks: false, outputTails: false, findingsPerCheck: 3 })
      ],
      CHECK_RUN_TEXT_LIMIT,
      measure,
      where
    )
  };
}
function renderCrashSummary(message, runUrl) {
  const url = mdUrl(runUrl);
  return `cutover-checkpoint could not evaluate the gate: ${mdProse(message)}${url ? `

See the [workflow run](${url}).` : ""}`;
}
function renderAnnotations(record) {
  const level = (check) => isFailing(check.status) ? "failure" : check.status === "pass" ? "notice" : "warning";
  const annotations = [];
  for (const check of record.checks) {
    if (check.status === "pass" || check.status === "skipped") continue;
    for (const finding of check.findings) {
      const annotation = annotateAt(
        finding.location,
        level(check),
        `${check.id} (${check.status})`,
        finding.message
      );
      if (annotation) annotations.push(annotation);
    }
  }
  const rank = { failure: 0, warning: 1, notice: 2 };
  return annotations.sort((a, b) => rank[a.annotation_level] - rank[b.annotation_level]);
}
function renderConfigErrorAnnotations(errors) {
  return errors.flatMap(
    (error2) => annotateAt(error2.location, "failure", "configuration error", error2.message) ?? []
  );
}
function annotateAt(location, level, title, message) {
  if (!location?.line) return void 0;
  return {
    path: location.file,
    start_line: location.line,
    end_line: location.line,
    ...location.column ? { start_column: location.column, end_column: location.column } : {},
    annotation_level: level,
    title,
    message: message.slice(0, 64 * 1024 - 1)
  };
}

// src/core/render/github/job-summary.ts
var JOB_SUMMARY_LIMIT = 1048576;
function renderJobSummary(record, fullReport, runUrl, limit = JOB_SUMMARY_LIMIT) {
  const where = runUrl ? `\`report.md\` in the evidence directory of the [workflow run](${runUrl})` : "`report.md` in the evidence directory";
  return fitWithin(
    [
      () => fullReport,
      () => renderMarkdown(record, { passingChecks: false, outputTails: true, findingsPerCheck: 20 }),
      () => renderMarkdown(record, { passingChecks: false, outputTails: false, findingsPerCheck: 10 }),
      () => renderMarkdown(record, { passingChecks: false, outputTails: false, findingsPerCheck: 3 })
    ],
    limit,
    byteLength,
    where
  );
}

// src/adapters/github/action-sink.ts
function createActionSink(options) {
  const { io, publisher } = options;
  return {
    async start() {
      await publisher?.start();
    },
    async finish(outcome) {
      if (outcome.kind === "unusable") {
        for (const error2 of outcome.errors) io.error(error2.message, error2.location);
        const message = `the configuration is not usable: ${outcome.errors.map((e) => `${formatLocation(e.location)}: ${e.message}`).join("; ")}`;
        io.fail(`cutover-checkpoint: ${message}`);
        await publisher?.crash(message, renderConfigErrorAnnotations(outcome.errors));
        publisher?.reportPermissions();
        return;
      }
      const { record } = outcome;
      setVerdictOutputs(options, outcome);
      const summary2 = renderJobSummary(record, outcome.markdown, options.runUrl);
      await io.appendSummary(summary2).catch(
        (error2) => io.warning(
          `cutover-checkpoint could not write the job summary (${error2 instanceof Error ? error2.message : String(error2)}); the report is in ${outcome.reportPath}`
        )
      );
      await publisher?.finish(record);
      setPublishedOutputs(options);
      publisher?.reportPermissions();
      concludeStep(options, record);
    },
    async crash(error2) {
      const message = error2 instanceof Error ? error2.message : String(error2);
      try {
        await publisher?.crash(message);
      } finally {
        io.fail(`cutover-checkpoint could not run: ${message}`);
      }
    }
  };
}
function setVerdictOutputs({ io, outputs }, outcome) {
  const { record } = outcome;
  io.setOutput(outputs.verdict, record.verdict);
  io.setOutput(outputs.rehearsal, record.decisions.rehearsal.state);
  io.setOutput(outputs.cutover, record.decisions.cutover.state);
  io.setOutput(outputs.record, outcome.recordPath);
  io.setOutput(outputs.report, outcome.reportPath);
  io.setOutput(
    outputs.blockingChecks,
    record.decisions[record.decision_requested].blocked_by.join(",")
  );
}
function setPublishedOutputs({ io, outputs, publisher }) {
  const checkRun = publisher?.published.checkRun;
  const comment = publisher?.published.comments[0];
  io.setOutput(outputs.checkRunId, checkRun ? String(checkRun.id) : "");
  io.setOutput(outputs.checkRunUrl, checkRun?.url ?? "");
  io.setOutput(outputs.commentId, comment ? String(comment.id) : "");
  io.setOutput(outputs.commentUrl, comment?.url ?? "");
}
function concludeStep({ io, decision, failOn }, record) {
  const outcome = record.decisions[decision];
  const reason = outcome.state === "CONDITIONAL" ? "waiting on" : "blocked by";
  const line = `${decision} verdict: ${outcome.label}${outcome.blocked_by.length ? ` (${reason} ${outcome.blocked_by.join(", ")})` : ""}`;
  const fails = failOn !== "never" && (record.verdict === "NO-GO" || failOn === "conditional" && record.verdict === "CONDITIONAL");
  if (fails) io.fail(line);
  else io.notice(line);
}

// src/adapters/github/publisher.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// src/core/render/github/comment.ts
function commentMarker(checkName) {
  return `<!-- cutover-checkpoint:gate=${encodeURIComponent(wellFormed(checkName))} -->`;
}
function hasCommentMarker(body, marker) {
  if (!body) return false;
  const end = body.indexOf("\n");
  const first = end === -1 ? body : body.slice(0, end);
  return first.replace(/\r$/, "") === marker;
}
function renderComment(record, checkName, checksUrl, limit = COMMENT_LIMIT) {
  const url = mdUrl(checksUrl);
  const linkLine = url ? `Full report: the ${mdCode(checkName)} check in [this pull request's checks](${url}) and its workflow run's job summary.` : "";
  const build = (maxItems) => [
    commentMarker(checkName),
    `### ${renderHeadline(record)}`,
    "",
    `Gate check ${mdCode(checkName)}, requested decision: ${record.decision_requested}.`,
    "",
    renderDecisionSummary(record, maxItems),
    linkLine,
    ""
  ].join("\n");
  return fitWithin(
    [() => build(50), () => build(10), () => build(3)],
    limit,
    (text) => text.length,
    url ? `in the [checks](${url})` : "in the job summary"
  );
}

// src/core/github/sticky-comment-plan.ts
function judgedCommitLine(sha2) {
  return `<!-- cutover-checkpoint:commit=${sha2} -->`;
}
function renderStickyComment(record, checkName, checksUrl, judgedSha) {
  const closing = `

Judged commit: \`${judgedSha.slice(0, 7)}\`

${judgedCommitLine(judgedSha)}
`;
  const verdict = renderComment(record, checkName, checksUrl, COMMENT_LIMIT - closing.length);
  return `${verdict.trimEnd()}${closing}`;
}
function planStickyComment(request) {
  const ours = request.comments.filter((c) => request.identity !== null && c.author === request.identity).filter((c) => hasCommentMarker(c.body, request.marker)).sort((a, b) => a.id - b.id);
  const [oldest, ...newer] = ours;
  const remove = newer.map((c) => c.id);
  if (request.currentHead !== null && request.currentHead !== request.judged) {
    return {
      create: false,
      keep: oldest?.id ?? null,
      edit: false,
      remove,
      skip: `the pull request's head is now ${request.currentHead.slice(0, 7)}, newer than the judged ${request.judged.slice(0, 7)}: the comment is left to that commit's run`
    };
  }
  if (!oldest) return { create: true, keep: null, edit: false, remove };
  return { create: false, keep: oldest.id, edit: oldest.body !== request.body, remove };
}

// src/core/github/publication-budget.ts
var MAX_ANNOTATIONS = 2 * ANNOTATIONS_PER_REQUEST;
var SEVERITY = {
  failure: 0,
  warning: 1,
  notice: 2
};
function selectAnnotations(annotations, cap = MAX_ANNOTATIONS) {
  const ranked = annotations.map((annotation, index) => ({ annotation, index })).sort(
    (a, b) => SEVERITY[a.annotation.annotation_level] - SEVERITY[b.annotation.annotation_level] || a.index - b.index
  ).map(({ annotation }) => annotation);
  return { sent: ranked.slice(0, cap), omitted: Math.max(0, ranked.length - cap) };
}
function omittedAnnotationsNote(omitted) {
  return omitted === 0 ? "" : `

_${omitted.toLocaleString("en-US")} more annotation(s) not attached (at most ${MAX_ANNOTATIONS} per run, most severe first); every finding is in the report below and in the decision record._`;
}
function annotationBatches(annotations) {
  const batches = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return batches;
}

// src/adapters/github/create-once.ts
var NO_AUTOMATIC_RETRY = { request: { retries: 0 } };
async function createOnce(create, find) {
  try {
    return await create();
  } catch (error2) {
    if (!isServerError(error2)) throw error2;
    return await find() ?? await create();
  }
}

// src/adapters/github/check-run.ts
var SUMMARY_LIMIT = 65535;
async function startCheckRun(client, repository, request) {
  const started = (data) => ({
    id: data.id,
    url: data.html_url ?? "",
    appSlug: data.app?.slug ?? null
  });
  return createOnce(
    async () => {
      const { data } = await client.rest.checks.create({
        ...repository,
        name: request.name,
        head_sha: request.headSha,
        external_id: request.externalId,
        status: "in_progress",
        started_at: request.startedAt,
        ...request.detailsUrl ? { details_url: request.detailsUrl } : {},
        output: {
          title: "Evaluating the cutover gate\u2026",
          summary: "Collecting evidence and running verification commands."
        },
        ...NO_AUTOMATIC_RETRY
      });
      return started(data);
    },
    async () => {
      const { data } = await client.rest.checks.listForRef({
        ...repository,
        ref: request.headSha,
        check_name: request.name,
        filter: "all",
        per_page: 100
      });
      const ours = data.check_runs.find((run2) => run2.external_id === request.externalId);
      return ours && started(ours);
    }
  );
}
async function completeCheckRun(client, repository, id, result) {
  const { sent, omitted } = selectAnnotations(result.annotations);
  const batches = annotationBatches(sent);
  const last = batches.pop();
  for (const batch of batches) {
    await client.rest.checks.update({
      ...repository,
      check_run_id: id,
      output: { title: result.title, summary: "Attaching annotations\u2026", annotations: batch }
    });
  }
  const note = omittedAnnotationsNote(omitted);
  const summary2 = result.summary.length + note.length <= SUMMARY_LIMIT ? result.summary + note : result.summary.slice(0, SUMMARY_LIMIT - note.length) + note;
  await client.rest.checks.update({
    ...repository,
    check_run_id: id,
    status: "completed",
    conclusion: result.conclusion,
    completed_at: result.completedAt,
    output: {
      title: result.title,
      summary: summary2,
      text: result.text,
      ...last ? { annotations: last } : {}
    }
  });
}

// src/adapters/github/pr-comment.ts
async function syncStickyComment(client, repository, target) {
  const first = await listComments(client, repository, target.issueNumber);
  const plan = planStickyComment({ ...target, comments: first });
  await removeAll(client, repository, plan.remove);
  if (!plan.create) return applyKept(client, repository, target, plan, first);
  const created = await createOnce(
    async () => {
      const { data } = await client.rest.issues.createComment({
        ...repository,
        issue_number: target.issueNumber,
        body: target.body,
        ...NO_AUTOMATIC_RETRY
      });
      return { id: data.id, author: data.user?.login ?? null };
    },
    async () => {
      const found = (await listComments(client, repository, target.issueNumber)).find(
        (c) => c.body === target.body && (target.identity === null || c.author === target.identity)
      );
      return found && { id: found.id, author: found.author };
    }
  );
  const again = await listComments(client, repository, target.issueNumber);
  const replan = planStickyComment({
    ...target,
    identity: created.author ?? target.identity,
    comments: again
  });
  await removeAll(client, repository, replan.remove);
  const kept = await applyKept(client, repository, target, replan, again);
  return kept && kept.id === created.id ? { ...kept, action: "created" } : kept;
}
async function applyKept(client, repository, target, plan, comments) {
  const kept = comments.find((c) => c.id === plan.keep);
  if (plan.skip)
    return kept ? { id: kept.id, url: kept.url, action: "skipped", skipped: plan.skip } : null;
  if (!kept) return null;
  if (!plan.edit) return { id: kept.id, url: kept.url, action: "unchanged" };
  const { data } = await client.rest.issues.updateComment({
    ...repository,
    comment_id: kept.id,
    body: target.body
  });
  return { id: data.id, url: data.html_url, action: "updated" };
}
async function removeAll(client, repository, ids) {
  for (const id of ids) {
    await client.rest.issues.deleteComment({ ...repository, comment_id: id }).catch((error2) => {
      if (error2.status !== 404) throw error2;
    });
  }
}
async function listComments(client, repository, issueNumber) {
  const all = [];
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    ...repository,
    issue_number: issueNumber,
    per_page: 100
  }))
    for (const c of page.data)
      all.push({ id: c.id, author: c.user?.login ?? null, body: c.body ?? "", url: c.html_url });
  return all;
}

// src/adapters/github/comment-identity.ts
async function learnIdentity(client) {
  try {
    const answer = await client.graphql(
      "query { viewer { login } }"
    );
    const login = answer.viewer?.login;
    return typeof login === "string" && login.length > 0 ? login : null;
  } catch (error2) {
    if (describeApiError(error2) || error2.name === "GraphqlResponseError")
      return null;
    throw error2;
  }
}
async function pullRequestHead(client, repository, number) {
  try {
    const { data } = await client.rest.pulls.get({ ...repository, pull_number: number });
    return data.head.sha.toLowerCase();
  } catch (error2) {
    if (describeApiError(error2)) return null;
    throw error2;
  }
}

// src/adapters/github/permissions.ts
function createPermissionProblems() {
  const problems = /* @__PURE__ */ new Map();
  return {
    note: (what, permission) => void problems.set(what, permission),
    describe(fork) {
      if (problems.size === 0) return void 0;
      const what = [...problems].map(([action, permission]) => `${action} (needs \`${permission}\`)`).join(" and ");
      const forkNote = fork ? " On pull requests from forks the token is read-only." : "";
      return `cutover-checkpoint could not ${what}: the token is not allowed to.${forkNote} Add the permission to the workflow's \`permissions:\` block. The verdict, outputs and job summary are unaffected.`;
    }
  };
}

// src/adapters/github/pull-request-lookup.ts
async function findOpenPullRequests(client, repository, search, attempt) {
  const byCommit = await attempt(
    "find the pull requests of this commit",
    "pull-requests: read",
    async () => (await client.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repository,
      commit_sha: search.sha
    })).data
  );
  if (byCommit.kind !== "ok") return { kind: "failed" };
  const open = byCommit.value.filter((pull) => pull.state === "open").map((pull) => pull.number);
  if (open.length > 0) return { kind: "found", numbers: open };
  const searched = `GitHub lists no open pull request with commit ${search.sha}`;
  if (!search.headLabel) return { kind: "none", searched };
  const label = search.headLabel;
  const byHead = await attempt(
    `find the pull requests whose head is ${label}`,
    "pull-requests: read",
    async () => (await client.rest.pulls.list({
      ...repository,
      head: label,
      state: "open",
      per_page: 100
    })).data
  );
  if (byHead.kind !== "ok") return { kind: "failed" };
  const numbers = byHead.value.map((pull) => pull.number);
  return numbers.length > 0 ? { kind: "found", numbers } : { kind: "none", searched: `${searched}, nor one whose head is ${label}` };
}

// src/adapters/github/publisher.ts
function createPublisher(options) {
  const { client, context } = options;
  const repository = { owner: context.owner, repo: context.repo };
  const published = { comments: [] };
  const permissions = createPermissionProblems();
  const externalId = `cutover-checkpoint:${randomUUID2()}`;
  let identity;
  let unreachable = false;
  const attempt = async (what, permission, action) => {
    if (unreachable) return couldNot(`the GitHub API could not be reached to ${what}`);
    try {
      return ok(await action());
    } catch (error2) {
      const api = describeApiError(error2);
      if (!api) throw error2;
      const failure = {
        status: api.status || void 0,
        message: api.message,
        code: error2.code
      };
      const problem = classifyApiFailure(failure);
      if (problem === "permission") {
        permissions.note(what, permission);
        return couldNot(`the token may not ${what}`, error2);
      }
      unreachable = problem === "unreachable";
      const reason = `cutover-checkpoint ${explainPublicationFailure(what, permission, failure, context.apiUrl)}`;
      options.warn(reason);
      return couldNot(reason, error2);
    }
  };
  const withPrefix = (annotations) => annotations.map((a) => ({ ...a, path: options.pathPrefix + a.path }));
  const complete = (id, result) => attempt(
    "complete the check run",
    "checks: write",
    () => completeCheckRun(client, repository, id, result)
  );
  return {
    published,
    /** Creates the check run in progress on the commit the run is about. */
    async start() {
      const started = await attempt(
        "create the check run",
        "checks: write",
        () => startCheckRun(client, repository, {
          name: options.checkName,
          headSha: context.sha,
          detailsUrl: context.runUrl,
          startedAt: options.now().toISOString(),
          externalId
        })
      );
      if (started.kind === "ok") published.checkRun = started.value;
    },
    /** Completes the check run and posts or edits the sticky comment. */
    async finish(record) {
      const checkRun = published.checkRun;
      if (checkRun) {
        await complete(checkRun.id, {
          conclusion: mapConclusion(record.verdict, options.conditionalConclusion),
          completedAt: options.now().toISOString(),
          ...renderCheckOutput(record, context.runUrl),
          annotations: withPrefix(renderAnnotations(record))
        });
      }
      for (const number of await this.pullRequestsToComment()) {
        const body = renderStickyComment(
          record,
          options.checkName,
          `${context.serverUrl}/${context.owner}/${context.repo}/pull/${number}/checks`,
          context.sha
        );
        const identity2 = await this.identity();
        const currentHead = await pullRequestHead(client, repository, number);
        const outcome = await attempt(
          "post the PR comment",
          "pull-requests: write",
          () => syncStickyComment(client, repository, {
            issueNumber: number,
            marker: commentMarker(options.checkName),
            body,
            judged: context.sha,
            currentHead,
            identity: identity2
          })
        );
        if (outcome.kind === "ok" && outcome.value?.skipped)
          options.notice(`cutover-checkpoint left the PR comment alone: ${outcome.value.skipped}`);
        if (outcome.kind === "ok" && outcome.value) published.comments.push(outcome.value);
      }
    },
    /** Completes the check run as failure when the gate itself could not run, with annotations if any. */
    async crash(message, annotations = []) {
      const checkRun = published.checkRun;
      if (!checkRun) return;
      await complete(checkRun.id, {
        conclusion: "failure",
        completedAt: options.now().toISOString(),
        title: "The gate could not run",
        summary: renderCrashSummary(message, context.runUrl),
        text: "",
        annotations: withPrefix(annotations)
      });
    },
    /** PRs to comment on, per the `comment` input. */
    async pullRequestsToComment() {
      if (options.comment === "never") return [];
      if (context.pullRequest)
        return options.comment === "always" || PR_EVENTS.has(context.eventName) ? [context.pullRequest.number] : [];
      const lookUp = context.lookUpPullRequest === true;
      if (options.comment !== "always" && !lookUp) return [];
      const found = await findOpenPullRequests(
        client,
        repository,
        { sha: context.sha, headLabel: lookUp ? context.headLabel : void 0 },
        attempt
      );
      if (found.kind === "none" && lookUp)
        options.warn(
          `cutover-checkpoint made no PR comment: this ${context.eventName} event names no pull request (GitHub leaves workflow_run.pull_requests empty for forks) and ${found.searched}`
        );
      return found.kind === "found" ? found.numbers : [];
    },
    /**
     * Our login: the bot of the app that created the check run, else GraphQL's `viewer`, else null
     * (then the author of the comment we create tells). Never guessed from the token's prefix.
     */
    async identity() {
      if (published.checkRun?.appSlug) return `${published.checkRun.appSlug}[bot]`;
      identity ??= learnIdentity(client);
      return identity;
    },
    /** One warning for every permission that was missing, naming them. */
    reportPermissions() {
      const warning2 = permissions.describe(context.pullRequest?.fork === true);
      if (warning2) options.warn(warning2);
    }
  };
}

// src/action/publishing.ts
var FAILURE_ONLY = {
  comment: "never",
  conditionalConclusion: "action_required",
  pathPrefix: ""
};
function sinkFor(host, context, publisher, decision, failOn) {
  return createActionSink({
    io: host.io,
    outputs: OUTPUTS,
    publisher,
    decision,
    failOn,
    runUrl: context.runUrl
  });
}
function publisherFor(host, context, client, publishing, settings) {
  if (!publishing.publish || !client) return void 0;
  return createPublisher({
    client,
    context,
    checkName: publishing.checkName,
    comment: settings.comment,
    conditionalConclusion: settings.conditionalConclusion,
    pathPrefix: settings.pathPrefix,
    warn: (m) => host.io.warning(m),
    notice: (m) => host.io.notice(m),
    now: () => /* @__PURE__ */ new Date()
  });
}
async function clientFor(host, token, context) {
  if (!token) return void 0;
  const { createGitHubClient } = await import("./octokit-MLEVZWYG.js");
  return createGitHubClient({
    token,
    baseUrl: context.apiUrl,
    log: (m) => host.io.info(m),
    ...host.retryAfterBaseMs !== void 0 ? { retryAfterBaseMs: host.retryAfterBaseMs } : {},
    ...host.paceWrites !== void 0 ? { paceWrites: host.paceWrites } : {}
  });
}

// src/action/main.ts
async function runAction(host) {
  try {
    const payload = valueOrThrow(readEventPayload(host.env.GITHUB_EVENT_PATH));
    const resolved = resolveGitHubContext(host.env, payload);
    const plan = planRun(resolved, payload, host.env);
    if (plan.kind === "skip") {
      host.io.notice(`cutover-checkpoint skipped this ${plan.event} event: ${plan.reason}`);
      return;
    }
    const context = contextFor(resolved, plan, plan.subjectSha ?? resolved.sha);
    const publishing = readPublishingInputs(host.inputs);
    if (publishing.githubToken) host.io.mask(publishing.githubToken);
    let inputs;
    try {
      inputs = readInputs(
        host.inputs,
        workspaceOf(host),
        context.eventName === "workflow_dispatch" ? context.dispatchInputs : {}
      );
    } catch (error2) {
      const client = await clientFor(host, publishing.githubToken, context);
      const publisher = publisherFor(host, context, client, publishing, FAILURE_ONLY);
      await failGate(sinkFor(host, context, publisher, "rehearsal", "no-go"), error2);
      return;
    }
    await runWithInputs(host, context, plan, inputs, payload);
  } catch (error2) {
    host.io.fail(`cutover-checkpoint could not run: ${describe(error2)}`);
  }
}
async function runWithInputs(host, planned, plan, inputs, payload) {
  const workspace = workspaceOf(host);
  const root = resolve2(workspace, inputs.workingDirectory);
  const head = await (host.readHead ?? ((dir) => createGit(dir, host.git).headCommit()))(
    root
  );
  const judged = confirmJudgedCommit(plan, head, host.env.GITHUB_SHA ?? "");
  if (judged.kind === "wrong-commit") {
    host.io.fail(judged.message);
    return;
  }
  const context = contextFor(planned, plan, judged.subjectSha);
  const pathPrefix = relative3(workspace, root) === "" ? "" : `${relative3(workspace, root)}/`;
  const client = await clientFor(host, inputs.githubToken, context);
  if (inputs.publish && !client && !inputs.ask.shard)
    host.io.warning(`cutover-checkpoint: ${explainMissingToken(inputs.checkName)}`);
  const publisher = inputs.ask.shard ? void 0 : publisherFor(host, context, client, inputs, { ...inputs, pathPrefix });
  const sink = sinkFor(host, context, publisher, inputs.ask.decision, inputs.failOn);
  const machine = createMachinePorts({
    root,
    evidenceDir: resolve2(root, inputs.evidenceDir),
    ...host.git ? { git: host.git } : {},
    // Progress lines quote config and tree values: echoed with workflow commands stopped.
    logger: { info: (m) => host.io.echo(m), warn: (m) => host.io.warning(m) },
    lookups: client ? createApiLookups(
      client,
      `${context.owner}/${context.repo}`,
      {
        event: context.eventName,
        pullRequest: context.pullRequest,
        sha: context.sha,
        runId: host.env.GITHUB_RUN_ID ?? null,
        runUrl: context.runUrl,
        serverUrl: context.serverUrl
      },
      pathPrefix
    ) : createOfflineLookups("no github-token was given")
  });
  const ports = host.wrapPorts ? host.wrapPorts(machine) : machine;
  const stop = stopOnSignals({
    notify: (text) => host.io.info(text.trim()),
    onSecondSignal: host.exitNow
  });
  try {
    let request;
    try {
      request = {
        ...buildRequest(host, context, { plan, ...judged }, inputs, root, stop.signal),
        // Policy from the trusted ref of this event (SPEC §10 table), never the tree's own.
        trustedRef: await trustedRefForEvent(
          root,
          host.env,
          context.eventName,
          payload,
          client && {
            client,
            owner: context.owner,
            repo: context.repo
          },
          host.git
        )
      };
    } catch (error2) {
      await failGate(sink, error2);
      return;
    }
    await runGate(ports, request, sink);
  } finally {
    stop.dispose();
  }
}
function buildRequest(host, context, judged, inputs, root, signal) {
  const { ask } = inputs;
  if (inputs.aggregate)
    return {
      configPath: ask.configPath,
      records: globFiles(root, inputs.aggregate).map((path) => ({
        path,
        text: valueOrThrow(readRecordFile(path, root))
      })),
      // The trusted ref (the policy shards were judged under) is added by the caller, as for a run.
      commit: { headSha: judged.headSha, subjectSha: judged.subjectSha }
    };
  return {
    ...valueOrThrow(
      withShardDurations(ask, inputs.durations || void 0, root),
      "Invalid input 'durations'"
    ),
    scope: "run",
    // pull_request_target and a fork's workflow_run run with a write token: never their code.
    runCommands: judged.plan.runCommands,
    ...judged.plan.notRunReason ? { notRunReason: judged.plan.notRunReason } : {},
    defaultConcurrency: availableParallelism(),
    context: {
      repository: `${context.owner}/${context.repo}`,
      sha: context.sha,
      ref: context.ref,
      event: context.eventName,
      runUrl: context.runUrl,
      headSha: judged.headSha,
      subjectSha: judged.subjectSha
    },
    events: host.commandEvents(),
    secrets: inputs.githubToken ? [inputs.githubToken] : [],
    signal
  };
}
function workspaceOf(host) {
  return host.env.GITHUB_WORKSPACE ?? process.cwd();
}
function describe(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}

// src/action/run.ts
async function run(git2) {
  await runAction({
    ...git2 ? { git: git2 } : {},
    env: process.env,
    inputs: RUNNER_INPUTS,
    io: createRunnerStepIo(),
    commandEvents: () => createActionCommandLog(
      (text) => process.stdout.write(text),
      () => isEchoBackedUp(process.stdout)
    ),
    exitNow: () => process.exit(130)
  });
}
export {
  run
};
