// The one sequence both front doors run: tell the sink the gate started, run the pipeline (or
// merge shard records), hand the outcome to the sink. Publishing is the sink's business: the
// CLI's prints, the Action's owns the check run, comment, outputs, job summary and step result.
// (actions/cache's StateProvider is the model: one flow, the door injects the provider.)

import { aggregateShards } from './aggregate-shards.js';
import type { RecordFile } from './read-records.js';
import type { Ports } from './ports.js';
import { runCheckpoint, type RunOutcome, type RunRequest } from './run-checkpoint.js';
import type { TrustedRef } from './read-trusted.js';
import type { ShardAsk } from '../core/shard/shard-ask.js';

/** Merge shard records (written by `run --shard i/n`) instead of running. */
export interface AggregateRequest {
  configPath: string;
  records: RecordFile[];
  /** Judge under the policy at this ref, as the shards were (SPEC §10). */
  trustedRef?: TrustedRef;
  /** The Action: this job's HEAD and the event's commit; shards of another commit are refused. */
  commit?: { headSha: string; subjectSha: string };
  /** What the door was asked (decision, modes, baseline inputs): shards judged on another ask are refused. */
  asked?: ShardAsk;
}

/** What a door asks the gate to do. */
export type GateRequest = RunRequest | AggregateRequest;

/** A judged record with its report, or why the configuration is unusable. */
export type GateOutcome = RunOutcome;

/** How the run ended, for the door's exit status; `crashed` was already reported to the sink. */
export type GateResult = GateOutcome | { kind: 'crashed'; error: unknown };

/** Where the gate reports. Each method is called at most once, in order. */
export interface GateSink {
  /** Before any evidence is read (the Action creates its check run in progress here). */
  start(): Promise<void>;
  /** The gate ran: a record (GO, NO-GO or CONDITIONAL) or an unusable configuration. */
  finish(outcome: GateOutcome): Promise<void>;
  /** The gate could not run (bad input, an internal fault); `error` may be any thrown value. */
  crash(error: unknown): Promise<void>;
}

/**
 * Runs the gate once and reports to `sink`. A fault of the run, of `start` or of `finish` becomes
 * `sink.crash(error)` and `{ kind: 'crashed' }`; only a throwing `crash` propagates.
 */
export async function runGate(
  ports: Ports,
  request: GateRequest,
  sink: GateSink,
): Promise<GateResult> {
  try {
    await sink.start();
    const outcome =
      'records' in request
        ? await aggregateShards(ports, request)
        : await runCheckpoint(ports, request);
    await sink.finish(outcome);
    return outcome;
  } catch (error) {
    await sink.crash(error);
    return { kind: 'crashed', error };
  }
}

/**
 * For a door that could not even build its request (an invalid input): starts the sink (so the
 * Action still completes a check run saying why) and reports `error`. If starting itself throws,
 * the crash is still reported and then that fault propagates: it is a bug, not GitHub's answer.
 */
export async function failGate(sink: GateSink, error: unknown): Promise<GateResult> {
  let startFault: { error: unknown } | undefined;
  await sink.start().catch((fault: unknown) => (startFault = { error: fault }));
  await sink.crash(error);
  if (startFault) throw startFault.error;
  return { kind: 'crashed', error };
}
