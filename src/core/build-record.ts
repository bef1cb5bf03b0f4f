// Assembles the decision record from the judged checks and the evidence they rest on.

import { DECISIONS, isFailing, type Baseline, type CheckResult, type Decision } from './model.js';
import type { DecisionOutcome } from './decide.js';
import type { EvaluationContext } from './evaluation/evaluation-context.js';
import { listVerifiedSignatures } from './signoff/list-verified.js';
import { listInputDigests } from './record-inputs.js';
import type {
  DecisionRecord,
  JointDecisionSummary,
  RecordCommand,
  RecordDigest,
} from './record.js';

/** Builds the record; `checks` are final (policy applied). */
export function buildRecord(
  context: EvaluationContext,
  checks: CheckResult[],
  decisions: Record<Decision, DecisionOutcome>,
): DecisionRecord {
  const { config, evidence } = context;
  const requested = decisions[evidence.decision];
  const digest = (id: string, path: string): RecordDigest => {
    const read = evidence.files[path];
    return { id, path, sha256: read?.kind === 'ok' ? read.sha256 : null };
  };
  const inputs = listInputDigests(context);
  const artifactPaths = new Set(config.artifacts.map((a) => a.path));
  // The report lists the files the config names; `inputs` holds every file read (trees, $refs).
  const documents = inputs.filter(
    (d) => d.id !== 'input' && d.path !== config.path && !artifactPaths.has(d.path),
  );
  return {
    record_version: 1,
    gate: {
      name: config.gate.name,
      ...(config.gate.version ? { version: config.gate.version } : {}),
      config_path: config.path,
      config_sha256: digest('config', config.path).sha256 ?? '0'.repeat(64),
    },
    generated_at: evidence.now,
    decision_requested: evidence.decision,
    scope: evidence.shard ? 'shard' : evidence.commands === null ? 'validate' : 'full',
    verdict: requested.state,
    verdict_label: requested.label,
    modes: evidence.modes,
    decisions,
    abort_triggers: checks.filter((c) => c.abort && isFailing(c.status)).map((c) => c.id),
    baseline: { expected: config.baseline, observed: observedBaseline(context) },
    checks,
    commands: (evidence.commands ?? []).map((result) =>
      toRecordCommand(
        result,
        config.commands.find((c) => c.id === result.id)?.needs ?? [],
        context.testCounts,
      ),
    ),
    artifacts: config.artifacts.map((a) => digest(a.id, a.path)),
    documents,
    inputs,
    joint_decision: summarizeJointDecision(context),
    ...(evidence.shard ? { shard: evidence.shard } : {}),
    context: {
      repository: evidence.context.repository,
      sha: evidence.context.sha,
      ref: evidence.context.ref,
      event: evidence.context.event,
      run_url: evidence.context.runUrl,
      ...(evidence.context.headSha !== undefined ? { head_sha: evidence.context.headSha } : {}),
      ...(evidence.context.subjectSha !== undefined
        ? { subject_sha: evidence.context.subjectSha }
        : {}),
    },
  };
}

function observedBaseline(context: EvaluationContext): Record<string, Baseline> {
  const observed: Record<string, Baseline> = {};
  for (const source of context.baselineSources) observed[source.name] = source.values;
  const tag = context.config.baseline.release_tag;
  const git = context.evidence.git;
  const resolved = tag && git.kind === 'ok' ? git.tags[tag] : undefined;
  if (tag && resolved) observed.git = { release_tag: tag, commit_sha: resolved };
  return observed;
}

function toRecordCommand(
  result: NonNullable<EvaluationContext['evidence']['commands']>[number],
  needs: string[],
  testCounts: EvaluationContext['testCounts'],
): RecordCommand {
  return {
    id: result.id,
    run: result.run,
    cwd: result.cwd,
    state: result.state,
    ...(result.reason ? { reason: result.reason } : {}),
    needs,
    exit_code: result.exitCode,
    signal: result.signal,
    timed_out: result.timedOut,
    started_ms: result.startedMs,
    duration_ms: result.durationMs,
    tests: result.state === 'ran' ? (testCounts.get(result.id) ?? null) : null,
    output_tail: result.outputTail,
    output_bytes: result.outputBytes,
    ...(result.logPath ? { log_path: result.logPath } : {}),
    ...(result.leftovers ? { leftover_processes: result.leftovers } : {}),
  };
}

function summarizeJointDecision(context: EvaluationContext): JointDecisionSummary | null {
  const loaded = context.jointDecision;
  if (!loaded?.ok) return null;
  const value = loaded.document.value as {
    decisions?: Record<
      string,
      Record<string, JointDecisionSummary['signatures'][Decision][string]>
    >;
    baseline?: Baseline;
    residual_risks?: string[];
    rollback?: { target: string; trigger_owner: string };
    evidence_links?: string[];
  };
  const signatures = {} as JointDecisionSummary['signatures'];
  for (const decision of DECISIONS) {
    // Own keys only, defined (not assigned): a role named toString or __proto__ reads nothing.
    const slots = value.decisions?.[decision] ?? {};
    signatures[decision] = Object.fromEntries(
      context.config.jointDecision!.roles.map((role) => [
        role,
        Object.hasOwn(slots, role) ? (slots[role] ?? null) : null,
      ]),
    );
  }
  return {
    path: loaded.path,
    signatures,
    baseline: value.baseline ?? {},
    residual_risks: value.residual_risks ?? [],
    rollback: value.rollback ?? null,
    evidence_links: value.evidence_links ?? [],
    verified: listVerifiedSignatures(context),
  };
}
