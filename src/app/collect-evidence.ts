// Decides what to read and run for a config, and gathers it through the ports into Evidence.

import type { CheckpointConfig } from '../core/config/config-types.js';
import type { CommandResult, Evidence, FileRead, TrustedRead } from '../core/evidence.js';
import { detectFormat, parseText } from '../core/parse/parse-document.js';
import { listRefTargets, listUserSchemas } from '../core/schema/relative-refs.js';
import { findBodySource } from '../core/commands/command-body.js';
import { listCommandPaths } from '../core/commands/command-paths.js';
import type { Ports } from './ports.js';
import { planRefusals, withheldEnv } from '../core/commands/plan-commands.js';
import type { Redactor } from '../core/redact.js';
import { readCommandScripts } from './read-command-scripts.js';
import { readTrustedFile } from './read-trusted.js';
import {
  COMMAND_LOG_DIR,
  resolveConcurrency,
  runsCommands,
  type RunRequest,
} from './run-request.js';

/**
 * What the app derived for this evaluation, beside the request (never a copy of its fields).
 */
export interface CollectPlan {
  /** Masks secrets in command output. */
  redact: Redactor;
  /**
   * On pull-request runs (or --trusted-ref): the ref whose policy this run is judged under and its
   * config as read there. Schemas are then read at that ref too; gate.integrity compares.
   */
  trusted?: { ref: string; config: TrustedRead; evaluateIntegrity: boolean };
  /** Results recorded elsewhere (shard records) to judge instead of running the commands. */
  recordedCommands?: CommandResult[];
  /** This run is one shard of several. */
  shard?: { index: number; count: number; commands: string[] };
  /**
   * Called once, when the files are read and git, tool and API lookups are under way: the main
   * thread would idle, so CPU work on the files read (the Markdown parse) goes here.
   */
  onWaiting?: (files: Readonly<Record<string, FileRead>>) => void;
}

/**
 * Gathers every piece of evidence the config asks for, for `request` as the door built it. Reads
 * happen in parallel. Modes left empty mean every configured mode.
 */
export async function collectEvidence(
  config: CheckpointConfig,
  configRead: FileRead,
  ports: Ports,
  request: RunRequest,
  plan: CollectPlan,
): Promise<Evidence> {
  const runCommands = runsCommands(request);
  // The lookups need no file: started first, git and the tools answer while the files are read.
  const tag = config.baseline.release_tag;
  const joint = config.jointDecision;
  const lookups = Promise.all([
    ports.git.inspect({
      tags: tag ? [tag] : [],
      paths: config.documents.filter((d) => d.maxAgeDays !== undefined).map((d) => d.path),
    }),
    ports.tools.lookup(config.tools),
    config.incidents ? ports.lookups.incidents(config.incidents) : undefined,
    config.consumer?.repository && config.consumer.checkName
      ? ports.lookups.consumerCheck(config.consumer)
      : undefined,
    joint
      ? ports.lookups.signoff({
          github: Object.values(joint.verify).includes('github'),
          teams: [...new Set([...joint.signers.values()].flat())].filter((s) => s.startsWith('@')),
        })
      : undefined,
  ]);
  // Awaited below; a read that throws first must not leave a lookup's rejection unhandled.
  lookups.catch(() => undefined);
  const reads = await readInputs(config, configRead, ports, plan.trusted);
  plan.onWaiting?.(Object.fromEntries(reads));
  const [git, tools, incidents, consumerCheck, signoff] = await lookups;
  const trusted = plan.trusted;
  const integrity =
    trusted?.evaluateIntegrity === true
      ? {
          trustedRef: trusted.ref,
          trustedConfig: trusted.config,
          headConfig: configRead,
          changed: await ports.git.changedPaths(trusted.ref),
        }
      : undefined;
  const commands =
    plan.recordedCommands ??
    (runCommands && config.commands.length > 0
      ? await ports.runner.run(config.commands, {
          concurrency: resolveConcurrency(request, config.commandSettings.concurrency),
          logDir: COMMAND_LOG_DIR,
          refusals: planRefusals(config, request.decision, (path) => {
            const file = reads.get(path);
            return file?.kind === 'ok' ? file.text : undefined;
          }),
          redact: plan.redact,
          withheldEnv: withheldEnv(config),
          runTimeoutMs: config.commandSettings.runTimeoutMs,
          events: request.events,
          signal: request.signal,
        })
      : null);

  return {
    now: ports.now().toISOString(),
    decision: request.decision,
    modes: request.modes.length > 0 ? request.modes : (config.handoff?.modes ?? []),
    inputs: request.inputs,
    files: Object.fromEntries(reads),
    git,
    tools,
    commands: runCommands ? (commands ?? []) : null,
    ...(runCommands
      ? {}
      : { commandsNotRunReason: request.notRunReason ?? 'commands were not run' }),
    ...(incidents ? { incidents } : {}),
    ...(consumerCheck ? { consumerCheck } : {}),
    ...(signoff ? { signoff } : {}),
    ...(integrity ? { integrity } : {}),
    ...(plan.shard ? { shard: plan.shard } : {}),
    context: {
      ...request.context,
      sha: request.context.sha ?? (git.kind === 'ok' ? git.head : null) ?? null,
    },
  };
}

/** Most files one directory tree of a command contributes to the evidence. */
const MAX_TREE_FILES = 500;

/**
 * The one list of inputs: every file the run reads, read once, keyed by workspace path. It feeds
 * the evaluators and the record's digests alike. Schemas (policy) come from the trusted ref when
 * there is one; everything else is evidence from the tree judged.
 */
async function readInputs(
  config: CheckpointConfig,
  configRead: FileRead,
  ports: Ports,
  trusted: CollectPlan['trusted'],
): Promise<Map<string, FileRead>> {
  // A Map, not an object: a file named `constructor` or `__proto__` is a path like any other.
  const reads = new Map<string, FileRead>([[config.path, configRead]]);
  const read = async (path: string) => {
    if (!reads.has(path))
      reads.set(path, await ports.workspace.readFile(path, config.limits.maxFileBytes));
    return reads.get(path)!;
  };
  const readPolicy =
    trusted?.config.kind === 'ok'
      ? async (path: string) => {
          if (!reads.has(path))
            reads.set(path, toFileRead(await readTrustedFile(ports, trusted.ref, path)));
          return reads.get(path)!;
        }
      : read;
  await Promise.all([
    ...listFilePaths(config).map(read),
    ...listUserSchemas(config).map((path) => readSchemaWithRefs(path, readPolicy)),
    readCommandScripts(config.commands, read),
  ]);
  // Second pass: what the commands run, now that package.json scripts can be read.
  const text = (path: string) => {
    const file = reads.get(path);
    return file?.kind === 'ok' ? file.text : undefined;
  };
  const commandPaths = listCommandPaths(config.commands, text);
  const trees = await Promise.all(
    commandPaths.directories.map(
      (dir) => ports.workspace.listFiles?.(dir, MAX_TREE_FILES) ?? Promise.resolve([]),
    ),
  );
  await Promise.all([...commandPaths.files, ...trees.flat()].map(read));
  return reads;
}

/** A trusted-ref read as evidence: a ref without the file is a missing file. */
function toFileRead(read: TrustedRead): FileRead {
  if (read.kind === 'unavailable') return { kind: 'error', path: read.path, message: read.reason };
  return read;
}

/** Every workspace file the config names, except schemas (read with their refs). */
function listFilePaths(config: CheckpointConfig): string[] {
  return [
    ...config.artifacts.map((a) => a.path),
    ...config.documents.map((d) => d.path),
    ...(config.changelog ? [config.changelog.path] : []),
    ...(config.jointDecision ? [config.jointDecision.path] : []),
    ...(config.consumer?.record ? [config.consumer.record] : []),
    // Where commands delegate (package.json scripts, script files), for placeholder detection.
    ...config.commands.flatMap((c) => findBodySource(c.run, c.cwd)?.path ?? []),
  ];
}

/** Reads a schema and, transitively, the sibling files it `$ref`s by relative path. */
async function readSchemaWithRefs(
  path: string,
  read: (path: string) => Promise<FileRead>,
): Promise<void> {
  const queue = [path];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const current = queue.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const file = await read(current);
    if (file.kind !== 'ok') continue;
    const parsed = parseText(file.text, detectFormat(current, file.text));
    if (parsed.ok) queue.push(...listRefTargets(current, parsed.document.value));
  }
}
