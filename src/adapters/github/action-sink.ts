// The Action's sink: everything a run leaves on GitHub. NO-GO is not a crash: outputs, job summary,
// check run and comment are written first, then the step fails with one line. An unusable config
// annotates its errors and completes the check run as failure; a crash says so differently.

import type { GateOutcome, GateSink } from '../../app/run-gate.js';
import type { Unusable } from '../../app/run-checkpoint.js';
import { formatLocation, type Decision } from '../../core/model.js';
import type { DecisionRecord } from '../../core/record.js';
import { renderConfigErrorAnnotations } from '../../core/render/github/check-run.js';
import { renderJobSummary } from '../../core/render/github/job-summary.js';
import type { Publisher } from './publisher.js';
import { debugFault, type StepIo } from './step-io.js';

/** Names of the step outputs (action.yml's `outputs`). */
export interface OutputNames {
  verdict: string;
  rehearsal: string;
  cutover: string;
  record: string;
  report: string;
  blockingChecks: string;
  checkRunId: string;
  checkRunUrl: string;
  commentId: string;
  commentUrl: string;
}

export interface ActionSinkOptions {
  io: StepIo;
  outputs: OutputNames;
  /** Absent when nothing is published (publish: false, no token, a shard job). */
  publisher?: Publisher;
  /** The decision whose verdict is the step's one line. */
  decision: Decision;
  failOn: 'no-go' | 'conditional' | 'never';
  /** The workflow run, linked when the job summary has to be cut. */
  runUrl: string | null;
}

/** A sink that reports to the runner and, with a publisher, to the check run and PR. */
export function createActionSink(options: ActionSinkOptions): GateSink {
  const { io, publisher } = options;
  // Set once the verdict is known; a crash after that (publishing faulted) takes them back: a
  // later `if: always()` step must not read a verdict from a step that failed as "could not run".
  let verdictSet = false;
  return {
    async start() {
      await publisher?.start();
    },
    async finish(outcome: GateOutcome) {
      if (outcome.kind === 'unusable') {
        for (const error of outcome.errors) io.error(error.message, error.location);
        const message = `${UNUSABLE[outcome.of]}: ${outcome.errors.map((e) => `${formatLocation(e.location)}: ${e.message}`).join('; ')}`;
        io.fail(`cutover-checkpoint: ${message}`);
        await publisher?.crash(message, renderConfigErrorAnnotations(outcome.errors));
        publisher?.reportPermissions();
        return;
      }
      const { record } = outcome;
      verdictSet = true;
      setVerdictOutputs(options, outcome);
      const summary = renderJobSummary(record, outcome.markdown, options.runUrl);
      await io
        .appendSummary(summary)
        .catch((error: unknown) =>
          io.warning(
            `cutover-checkpoint could not write the job summary (${error instanceof Error ? error.message : String(error)}); the report is in ${outcome.reportPath}`,
          ),
        );
      await publisher?.finish(record);
      setPublishedOutputs(options);
      publisher?.reportPermissions();
      concludeStep(options, record);
    },
    async crash(error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      debugFault(io, error);
      if (verdictSet) clearVerdictOutputs(options);
      try {
        await publisher?.crash(message);
      } finally {
        io.fail(`cutover-checkpoint could not run: ${message}`);
      }
    },
  };
}

function setVerdictOutputs(
  { io, outputs }: ActionSinkOptions,
  outcome: Extract<GateOutcome, { kind: 'judged' }>,
): void {
  const { record } = outcome;
  io.setOutput(outputs.verdict, record.verdict);
  io.setOutput(outputs.rehearsal, record.decisions.rehearsal.state);
  io.setOutput(outputs.cutover, record.decisions.cutover.state);
  io.setOutput(outputs.record, outcome.recordPath);
  io.setOutput(outputs.report, outcome.reportPath);
  io.setOutput(
    outputs.blockingChecks,
    record.decisions[record.decision_requested].blocked_by.join(','),
  );
}

/** The first words of the failure, naming what could not be used. */
const UNUSABLE: Record<Unusable['of'], string> = {
  configuration: 'the configuration is not usable',
  'shard-records': 'the shard records cannot be aggregated',
};

function clearVerdictOutputs({ io, outputs }: ActionSinkOptions): void {
  const names = [outputs.verdict, outputs.rehearsal, outputs.cutover, outputs.blockingChecks];
  for (const name of names) io.setOutput(name, '');
}

function setPublishedOutputs({ io, outputs, publisher }: ActionSinkOptions): void {
  const checkRun = publisher?.published.checkRun;
  // A PR whose comment was left to a newer commit's run, with none of ours there, has no id.
  const comment = publisher?.published.comments.find((c) => c.id !== null);
  io.setOutput(outputs.checkRunId, checkRun ? String(checkRun.id) : '');
  io.setOutput(outputs.checkRunUrl, checkRun?.url ?? '');
  io.setOutput(outputs.commentId, comment ? String(comment.id) : '');
  io.setOutput(outputs.commentUrl, comment?.url ?? '');
}

/** NO-GO (and CONDITIONAL with `fail-on: conditional`) fails the step; otherwise a notice. */
function concludeStep({ io, decision, failOn }: ActionSinkOptions, record: DecisionRecord): void {
  const outcome = record.decisions[decision];
  // A CONDITIONAL is waiting on evidence, not blocked by a failure.
  const reason = outcome.state === 'CONDITIONAL' ? 'waiting on' : 'blocked by';
  const line = `${decision} verdict: ${outcome.label}${outcome.blocked_by.length ? ` (${reason} ${outcome.blocked_by.join(', ')})` : ''}`;
  const fails =
    failOn !== 'never' &&
    (record.verdict === 'NO-GO' || (failOn === 'conditional' && record.verdict === 'CONDITIONAL'));
  if (fails) io.fail(line);
  else io.notice(line);
}
