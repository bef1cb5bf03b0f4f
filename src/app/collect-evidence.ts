// Decides what to read and run for a config, and gathers it through the ports into Evidence.

import type { CheckpointConfig } from '../core/config/config-types.js';
import type { Evidence, FileRead, RunContext } from '../core/evidence.js';
import type { Baseline, Decision } from '../core/model.js';
import { detectFormat, parseText } from '../core/parse/parse-document.js';
import { listRelativeRefs } from '../core/schema/relative-refs.js';
import { findBodySource } from '../core/commands/command-body.js';
import {
  joinWorkspacePath,
  normalizeWorkspacePath,
  workspaceDirname,
} from '../core/workspace-path.js';
import type { CommandEvents, Ports } from './ports.js';
import { planRefusals, withheldEnv } from '../core/commands/plan-commands.js';
import type { Redactor } from '../core/redact.js';

/** What one evaluation is asked to do. */
export interface CollectRequest {
  decision: Decision;
  modes: string[];
  inputs: Baseline;
  /** Run the verification commands; when false, `notRunReason` says why. */
  runCommands: boolean;
  notRunReason?: string;
  concurrency?: number;
  logDir: string;
  context: RunContext;
  events?: CommandEvents;
  signal?: AbortSignal;
  /** Masks secrets in command output. */
  redact: Redactor;
  /** On pull-request runs, the base commit the gate is compared with. */
  baseSha?: string;
  /** This run is one shard of several. */
  shard?: { index: number; count: number; commands: string[] };
  /**
   * Called once, when the files are read and git, tool and API lookups are under way: the main
   * thread would idle, so CPU work on the files read (the Markdown parse) goes here.
   */
  onWaiting?: (files: Readonly<Record<string, FileRead>>) => void;
}

/** Gathers every piece of evidence the config asks for. Reads happen in parallel. */
export async function collectEvidence(
  config: CheckpointConfig,
  configRead: FileRead,
  ports: Ports,
  request: CollectRequest,
): Promise<Evidence> {
  const files: Record<string, FileRead> = { [config.path]: configRead };
  const read = async (path: string) => {
    if (!(path in files))
      files[path] = await ports.workspace.readFile(path, config.limits.maxFileBytes);
    return files[path]!;
  };
  const schemaPaths = [
    ...config.artifacts.map((a) => a.schema),
    ...config.rules.map((r) => r.schema),
  ].filter((s): s is string => s !== undefined && !s.startsWith('builtin:'));
  await Promise.all([
    ...listFilePaths(config).map(read),
    ...schemaPaths.map((path) => readSchemaWithRefs(path, read)),
  ]);

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
  request.onWaiting?.(files);
  const [git, tools, incidents, consumerCheck, signoff] = await lookups;
  const integrity = request.baseSha
    ? {
        baseSha: request.baseSha,
        baseConfig: await ports.git.readFileAt(request.baseSha, config.path),
      }
    : undefined;
  const commands =
    request.runCommands && config.commands.length > 0
      ? await ports.runner.run(config.commands, {
          concurrency: request.concurrency ?? 1,
          logDir: request.logDir,
          refusals: planRefusals(config, request.decision),
          redact: request.redact,
          withheldEnv: withheldEnv(config),
          runTimeoutMs: config.commandSettings.runTimeoutMs,
          events: request.events,
          signal: request.signal,
        })
      : null;

  return {
    now: ports.now().toISOString(),
    decision: request.decision,
    modes: request.modes,
    inputs: request.inputs,
    files,
    git,
    tools,
    commands: request.runCommands ? (commands ?? []) : null,
    ...(request.runCommands
      ? {}
      : { commandsNotRunReason: request.notRunReason ?? 'commands were not run' }),
    ...(incidents ? { incidents } : {}),
    ...(consumerCheck ? { consumerCheck } : {}),
    ...(signoff ? { signoff } : {}),
    ...(integrity ? { integrity } : {}),
    ...(request.shard ? { shard: request.shard } : {}),
    context: { ...request.context, sha: request.context.sha ?? git.head ?? null },
  };
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
    if (!parsed.ok) continue;
    for (const ref of listRelativeRefs(parsed.document.value)) {
      const target = normalizeWorkspacePath(joinWorkspacePath(workspaceDirname(current), ref));
      if (target.ok) queue.push(target.path);
    }
  }
}
