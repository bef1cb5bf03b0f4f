// Decides what to read and run for a config, and gathers it through the ports into Evidence.

import type { CheckpointConfig } from '../core/config/config-types.js';
import type { CommandResult, Evidence, FileRead, TrustedRead } from '../core/evidence.js';
import type { Ports } from './ports.js';
import { planRefusals, withheldEnv } from '../core/commands/plan-commands.js';
import type { ScriptRead } from '../core/commands/mutation.js';
import { couldNot } from '../core/outcome.js';
import { MAX_SCRIPT_FILES } from './read-command-scripts.js';
import type { Redactor } from '../core/redact.js';
import { readInputs, type InputReads } from './read-inputs.js';
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
  trusted?: { ref: string | null; config: TrustedRead; evaluateIntegrity: boolean };
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
  inputs: InputReads,
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
  const { reads, commandPaths } = await readInputs(config, inputs, ports);
  // Commands need only the files read (their refusals), not git, the tools or the API: they start
  // now and the lookups finish while they run. A lookup that fails (an internal fault) stops them
  // before the fault goes on, so no command outlives the run.
  const stop = new AbortController();
  const running = Promise.resolve(
    plan.recordedCommands ??
      (runCommands && config.commands.length > 0
        ? ports.runner.run(config.commands, {
            concurrency: resolveConcurrency(request, config.commandSettings.concurrency),
            logDir: COMMAND_LOG_DIR,
            refusals: planRefusals(config, request.decision, (path) => scriptRead(reads.get(path))),
            redact: plan.redact,
            withheldEnv: withheldEnv(config),
            runTimeoutMs: config.commandSettings.runTimeoutMs,
            events: request.events,
            signal: request.signal ? AbortSignal.any([request.signal, stop.signal]) : stop.signal,
          })
        : null),
  );
  // Awaited below, after the lookups; a runner that refuses first (an unsafe log directory) must
  // not leave its rejection unhandled meanwhile.
  running.catch(() => undefined);
  plan.onWaiting?.(Object.fromEntries(reads));
  let looked: [Awaited<typeof lookups>, Evidence['integrity']];
  try {
    looked = [await lookups, await integrityOf(inputs.configRead, ports, plan)];
  } catch (error) {
    stop.abort(error);
    await running.catch(() => undefined);
    throw error;
  }
  const [[git, tools, incidents, consumerCheck, signoff], integrity] = looked;
  const commands = await running;

  return {
    now: ports.now().toISOString(),
    decision: request.decision,
    modes: request.modes.length > 0 ? request.modes : (config.handoff?.modes ?? []),
    inputs: request.inputs,
    files: Object.fromEntries(reads),
    commandPaths,
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

/** What gate.integrity compares, on the shard (or run) that evaluates it; else undefined. */
async function integrityOf(
  configRead: FileRead,
  ports: Ports,
  plan: CollectPlan,
): Promise<Evidence['integrity']> {
  const trusted = plan.trusted;
  if (trusted?.evaluateIntegrity !== true) return undefined;
  return {
    trustedRef: trusted.ref,
    trustedConfig: trusted.config,
    headConfig: configRead,
    // No ref, nothing to compare with: the trusted config says why (never a git call on a guess).
    changed:
      trusted.ref === null
        ? { kind: 'unavailable', reason: 'no trusted ref' }
        : await ports.git.changedPaths(trusted.ref),
  };
}

/**
 * A script as the mutation check sees it. One the inputs pass did not read was past its limit of
 * script files (read-command-scripts.ts): unknown, not absent.
 */
function scriptRead(file: FileRead | undefined): ScriptRead {
  if (!file)
    return { kind: 'not-read', reason: `past the ${MAX_SCRIPT_FILES} scripts a run follows` };
  if (file.kind === 'ok') return { kind: 'ok', text: file.text };
  return file.kind === 'missing' ? { kind: 'missing' } : couldNot(file.reason);
}
