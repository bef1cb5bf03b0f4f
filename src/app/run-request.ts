// The one request shape. A front door builds it once (argv or Action inputs plus what the door
// knows about where it runs); it flows unchanged through runCheckpoint into collectEvidence. What
// the app derives on the way (the redactor, the shard's slice, the trusted config) travels beside
// it, never as a copy of its fields. Aggregate and verify-record rebuild it from a record.

import type { RunContext } from '../core/evidence.js';
import type { Baseline, Decision } from '../core/model.js';
import type { DecisionRecord } from '../core/record.js';
import type { ShardSpec } from '../core/shard/partition.js';
import type { CommandEvents } from './ports.js';
import type { TrustedRef } from './read-trusted.js';
import { askOfRecord } from '../core/shard/shard-ask.js';

/** What a person asks of a run, the same from argv and from Action inputs. */
export interface GateAsk {
  configPath: string;
  decision: Decision;
  /** Subset of the handoff modes; empty means all configured. */
  modes: string[];
  /** Values compared with the baseline lock (release tag, commit sha, versions). */
  inputs: Baseline;
  /** Commands run at once; else the config's, else the runner's default (the CPU count). */
  concurrency?: number;
  /** Run only this shard's slice of the commands (balanced by `durations` when given, in ms). */
  shard?: ShardSpec & { durations?: Record<string, number> };
  /** The ref whose policy judges this run (SPEC §10): the event's trusted sha, or --trusted-ref. */
  trustedRef?: TrustedRef;
}

/** The ask plus what the door knows about where and how it runs. */
export interface RunRequest extends GateAsk {
  /** `validate` evaluates config, artifacts, rules and documents only (never runs commands). */
  scope: 'run' | 'validate';
  /** Run the verification commands; when false, `notRunReason` says why. */
  runCommands: boolean;
  notRunReason?: string;
  context: RunContext;
  events?: CommandEvents;
  signal?: AbortSignal;
  /** Secret values known to the front door (the Action's token), redacted everywhere. */
  secrets?: string[];
}

/** Evidence directory subfolder for each command's `<id>.log`. */
export const COMMAND_LOG_DIR = 'logs';

/** Commands run at once: the request's, else the config's; undefined leaves it to the runner. */
export function resolveConcurrency(
  request: RunRequest,
  configured: number | undefined,
): number | undefined {
  return request.concurrency ?? configured;
}

/** Whether this request runs commands (a validate never does, whatever `runCommands` says). */
export function runsCommands(request: RunRequest): boolean {
  return request.runCommands && request.scope === 'run';
}

/**
 * The request a record was judged on, to judge its evidence again (aggregate, verify-record):
 * its decision, modes, baseline inputs and context; commands count as run (their results come
 * from the record). Fields a hand-edited record lacks read as empty, never as a throw.
 */
export function requestOfRecord(record: DecisionRecord, configPath: string): RunRequest {
  const context: Partial<DecisionRecord['context']> = record.context ?? {};
  return {
    configPath,
    ...askOfRecord(record),
    scope: 'run',
    runCommands: true,
    context: {
      repository: context.repository ?? null,
      sha: context.sha ?? null,
      ref: context.ref ?? null,
      event: context.event ?? null,
      runUrl: context.run_url ?? null,
      ...(context.head_sha !== undefined ? { headSha: context.head_sha } : {}),
      ...(context.subject_sha !== undefined ? { subjectSha: context.subject_sha } : {}),
    },
  };
}
