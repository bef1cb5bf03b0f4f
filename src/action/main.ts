// The Action composition root: inputs → pipeline → outputs, job summary, step result.
// NO-GO is not a crash: outputs and summary are written first, then the step fails with one line.

import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { runCheckpoint } from '../app/run-checkpoint.js';
import { formatLocation } from '../core/model.js';
import { createLocalPorts } from '../adapters/local-ports.js';
import { OUTPUTS } from './constants.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { createActionCommandLog } from './command-log.js';
import { stopOnSignals } from '../adapters/stop-signal.js';

/** Runs the Action. Never throws: every failure ends as a failed step with a message. */
export async function run(): Promise<void> {
  try {
    await runAction();
  } catch (error) {
    core.setFailed(
      `cutover-checkpoint could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function runAction(): Promise<void> {
  const event = readEvent();
  const dispatch = (event.inputs ?? {}) as { decision?: string; modes?: string };
  const inputs = readInputs(process.env.GITHUB_EVENT_NAME === 'workflow_dispatch' ? dispatch : {});
  const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const ports = createLocalPorts({
    root,
    evidenceDir: resolve(root, inputs.evidenceDir),
    logger: { info: (m) => core.info(m), warn: (m) => core.warning(m) },
  });
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = process.env.GITHUB_REPOSITORY ?? null;
  const outcome = await runCheckpoint(ports, {
    configPath: inputs.config,
    decision: inputs.decision,
    modes: inputs.modes,
    inputs: inputs.baseline,
    scope: 'run',
    runCommands: true,
    defaultConcurrency: availableParallelism(),
    context: {
      repository,
      sha: process.env.GITHUB_SHA ?? null,
      ref: process.env.GITHUB_REF ?? null,
      event: process.env.GITHUB_EVENT_NAME ?? null,
      runUrl:
        repository && process.env.GITHUB_RUN_ID
          ? `${server}/${repository}/actions/runs/${process.env.GITHUB_RUN_ID}`
          : null,
    },
    events: createActionCommandLog((text) => process.stdout.write(text)),
    secrets: inputs.githubToken ? [inputs.githubToken] : [],
    signal: stopOnSignals(),
  });
  if (outcome.kind === 'unusable') {
    for (const error of outcome.errors) {
      core.error(error.message, {
        file: error.location.file,
        startLine: error.location.line,
        startColumn: error.location.column,
      });
    }
    core.setFailed(
      `cutover-checkpoint: the configuration is not usable: ${outcome.errors.map((e) => `${formatLocation(e.location)}: ${e.message}`).join('; ')}`,
    );
    return;
  }
  const { record } = outcome;
  core.setOutput(OUTPUTS.verdict, record.verdict);
  core.setOutput(OUTPUTS.rehearsal, record.decisions.rehearsal.state);
  core.setOutput(OUTPUTS.cutover, record.decisions.cutover.state);
  core.setOutput(OUTPUTS.record, outcome.recordPath);
  core.setOutput(OUTPUTS.report, outcome.reportPath);
  core.setOutput(
    OUTPUTS.blockingChecks,
    record.decisions[record.decision_requested].blocked_by.join(','),
  );
  await core.summary.addRaw(outcome.markdown).write();
  const failing = shouldFail(inputs, record.verdict);
  const line = `${inputs.decision} verdict: ${record.verdict_label}${record.decisions[inputs.decision].blocked_by.length ? ` (blocked by ${record.decisions[inputs.decision].blocked_by.join(', ')})` : ''}`;
  if (failing) core.setFailed(line);
  else core.notice(line);
}

function shouldFail(inputs: ActionInputs, verdict: string): boolean {
  if (inputs.failOn === 'never') return false;
  if (verdict === 'NO-GO') return true;
  return inputs.failOn === 'conditional' && verdict === 'CONDITIONAL';
}

function readEvent(): Record<string, unknown> {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
