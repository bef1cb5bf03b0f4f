// The decision record: the one value every renderer and publisher reads (SPEC §7).

import type { Baseline, CheckResult, Decision, DecisionState } from './model.js';
import type { DecisionOutcome } from './decide.js';
import type { TestCounts } from './evidence.js';
import type { VerifiedSignature } from './signoff/signoff-types.js';

/** A command as the record keeps it (snake_case, like every persisted format). */
export interface RecordCommand {
  id: string;
  run: string;
  cwd: string;
  state: 'ran' | 'skipped' | 'refused' | 'not-run';
  reason?: string;
  /** Commands this one waited for. */
  needs: string[];
  exit_code: number | null;
  signal: string | null;
  timed_out: boolean;
  started_ms: number;
  duration_ms: number;
  tests: TestCounts | null;
  output_tail: string;
  output_bytes: number;
  log_path?: string;
  /** Processes it left running, found by the run's marker and killed. */
  leftover_processes?: { pid: number; command: string }[];
}

/** The digest of one file the verdict rests on. */
export interface RecordDigest {
  id: string;
  path: string;
  sha256: string | null;
}

/** The filled joint-decision template (the seed's "Joint Decision Template"). */
export interface JointDecisionSummary {
  path: string;
  signatures: Record<
    Decision,
    Record<string, { decision: string; signed_by: string; signed_at: string } | null>
  >;
  baseline: Baseline;
  residual_risks: string[];
  rollback: { target: string; trigger_owner: string } | null;
  evidence_links: string[];
  /** Per decision, the signatures the gate verified (GO and NO-GO) with their source. */
  verified: Record<Decision, VerifiedSignature[]>;
}

/** What a record may be used for (SPEC §7). */
export type RecordScope = 'full' | 'validate' | 'shard';

/** The whole record. */
export interface DecisionRecord {
  record_version: 1;
  gate: { name: string; version?: string; config_path: string; config_sha256: string };
  generated_at: string;
  decision_requested: Decision;
  /** full: commands ran (or an aggregate); validate: no command ran; shard: one slice (SPEC §7). */
  scope: RecordScope;
  verdict: DecisionState;
  verdict_label: string;
  modes: string[];
  decisions: Record<Decision, DecisionOutcome>;
  abort_triggers: string[];
  baseline: { expected: Baseline; observed: Record<string, Baseline> };
  checks: CheckResult[];
  commands: RecordCommand[];
  artifacts: RecordDigest[];
  documents: RecordDigest[];
  /** Every file the run read, with its digest: what verify-record compares. */
  inputs: RecordDigest[];
  joint_decision: JointDecisionSummary | null;
  /** Present on the partial record of one shard. */
  shard?: { index: number; count: number; commands: string[] };
  /** On an aggregated record: the shard records it merges. */
  aggregated_from?: string[];
  context: {
    repository: string | null;
    sha: string | null;
    ref: string | null;
    event: string | null;
    run_url: string | null;
    /** The Action: the workspace's HEAD (the commit judged); null when git could not say. */
    head_sha?: string | null;
    /** The Action: the commit the event is about (where the verdict is published). */
    subject_sha?: string | null;
  };
}
