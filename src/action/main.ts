// The Action composition root: context and inputs → check run in progress → pipeline → outputs and
// job summary → check run completed and sticky comment → step result. NO-GO is not a crash: every
// output is written first, then the step fails with one line. A crash completes the check run as
// failure and fails the step with the message.

import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { runCheckpoint } from '../app/run-checkpoint.js';
import { aggregateShards } from '../app/aggregate-shards.js';
import { globFiles } from '../adapters/glob-files.js';
import { readRecordDurations } from '../core/shard/durations.js';
import { formatLocation } from '../core/model.js';
import type { DecisionRecord } from '../core/record.js';
import { createLocalPorts } from '../adapters/local-ports.js';
import { createGitHubClient, type GitHubClient } from '../adapters/github/octokit.js';
import { createApiLookups } from '../adapters/github/lookups.js';
import { createOfflineLookups } from '../adapters/offline-lookups.js';
import { stopOnSignals } from '../adapters/stop-signal.js';
import { OUTPUTS } from './constants.js';
import { readInputs, readPublishingInputs, type ActionInputs } from './inputs.js';
import type { ConfigError } from '../core/config/config-types.js';
import { createActionCommandLog } from './command-log.js';
import { createStopCommandsWriter } from '../adapters/stop-commands.js';
import { resolveGitHubContext, type GitHubRunContext } from './github-context.js';
import { createPublisher, type PublisherOptions } from './publisher.js';
import { renderConfigErrorAnnotations } from '../core/render/github/check-run.js';

/** Runs the Action. Never throws: every failure ends as a failed step with a message. */
export async function run(): Promise<void> {
  let publisher: ReturnType<typeof createPublisher> | undefined;
  let context: GitHubRunContext | undefined;
  try {
    context = resolveGitHubContext(process.env, readEvent());
    const inputs = readInputs(
      context.eventName === 'workflow_dispatch' ? context.dispatchInputs : {},
    );
    const client = inputs.githubToken ? clientFor(inputs.githubToken, context) : undefined;
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const root = resolve(workspace, inputs.workingDirectory);
    const pathPrefix = relative(workspace, root) === '' ? '' : `${relative(workspace, root)}/`;
    // A shard's record is partial: only the aggregating job publishes.
    if (inputs.publish && client && !inputs.shard) {
      publisher = publisherFor(client, context, inputs.githubToken, {
        checkName: inputs.checkName,
        comment: inputs.comment,
        conditionalConclusion: inputs.conditionalConclusion,
        pathPrefix,
      });
      await publisher.start();
    }
    const evaluated = await evaluate(inputs, context, root, client);
    if ('record' in evaluated) {
      await publisher?.finish(evaluated.record);
      setPublishedOutputs(publisher);
      publisher?.reportPermissions();
      concludeStep(inputs, evaluated.record);
    } else {
      const annotations = renderConfigErrorAnnotations(evaluated.errors);
      await publisher?.crash(
        `the configuration is not usable: ${evaluated.errors.map((e) => `${formatLocation(e.location)}: ${e.message}`).join('; ')}`,
        annotations,
      );
      publisher?.reportPermissions();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await (publisher ?? (context ? await startFailureCheckRun(context) : undefined))
      ?.crash(message)
      .catch(() => undefined);
    core.setFailed(`cutover-checkpoint could not run: ${message}`);
  }
}

/** When the inputs themselves are invalid, a check run still says the gate failed, and why. */
async function startFailureCheckRun(
  context: GitHubRunContext,
): Promise<ReturnType<typeof createPublisher> | undefined> {
  const inputs = readPublishingInputs();
  if (!inputs.publish || !inputs.githubToken) return undefined;
  const publisher = publisherFor(
    clientFor(inputs.githubToken, context),
    context,
    inputs.githubToken,
    {
      checkName: inputs.checkName,
      comment: 'never',
      conditionalConclusion: 'neutral',
      pathPrefix: '',
    },
  );
  await publisher.start();
  return publisher;
}

function clientFor(token: string, context: GitHubRunContext): GitHubClient {
  return createGitHubClient({ token, baseUrl: context.apiUrl, log: (m) => core.info(m) });
}

/** A publisher that logs to the Actions log; GITHUB_TOKEN and app tokens start with ghs_. */
function publisherFor(
  client: GitHubClient,
  context: GitHubRunContext,
  token: string,
  settings: Pick<
    PublisherOptions,
    'checkName' | 'comment' | 'conditionalConclusion' | 'pathPrefix'
  >,
): ReturnType<typeof createPublisher> {
  return createPublisher({
    client,
    context,
    ...settings,
    warn: (m) => core.warning(m),
    now: () => new Date(),
    installationToken: token.startsWith('ghs_'),
  });
}

/** Runs the pipeline; writes outputs and the job summary. Undefined when the config is unusable. */
async function evaluate(
  inputs: ActionInputs,
  context: ReturnType<typeof resolveGitHubContext>,
  root: string,
  client: GitHubClient | undefined,
): Promise<{ record: DecisionRecord } | { errors: ConfigError[] }> {
  const lookups = client
    ? createApiLookups(client, `${context.owner}/${context.repo}`, {
        event: context.eventName,
        pullRequest: context.pullRequest,
        sha: context.sha,
        runId: process.env.GITHUB_RUN_ID ?? null,
        runUrl: context.runUrl,
        serverUrl: context.serverUrl,
      })
    : createOfflineLookups('no github-token was given');
  const ports = createLocalPorts({
    root,
    evidenceDir: resolve(root, inputs.evidenceDir),
    // Progress lines quote config and tree values: echoed with workflow commands stopped.
    logger: { info: createStopCommandsWriter((t) => process.stdout.write(t)), warn: core.warning },
    lookups,
  });
  // pull_request_target runs with a write token: never run code from the pull request.
  const untrusted = context.eventName === 'pull_request_target';
  const outcome = inputs.aggregate
    ? await aggregateShards(ports, {
        configPath: inputs.config,
        records: globFiles(root, inputs.aggregate).map((path) => ({
          path,
          text: readFileSync(resolve(root, path), 'utf8'),
        })),
        // Judged under the base's policy, as the shards were (SPEC §10).
        ...(context.pullRequest?.baseSha ? { trustedRef: context.pullRequest.baseSha } : {}),
      })
    : await runCheckpoint(ports, {
        configPath: inputs.config,
        decision: inputs.decision,
        modes: inputs.modes,
        inputs: inputs.baseline,
        scope: 'run',
        runCommands: !untrusted,
        notRunReason:
          'pull_request_target runs no verification commands (they would run pull request code with a write token)',
        defaultConcurrency: availableParallelism(),
        context: {
          repository: `${context.owner}/${context.repo}`,
          sha: context.sha,
          ref: context.ref,
          event: context.eventName,
          runUrl: context.runUrl,
        },
        events: createActionCommandLog((text) => process.stdout.write(text)),
        secrets: inputs.githubToken ? [inputs.githubToken] : [],
        signal: stopOnSignals(),
        ...(context.pullRequest?.baseSha ? { baseSha: context.pullRequest.baseSha } : {}),
        ...(inputs.shard
          ? { shard: { ...inputs.shard, durations: readDurations(root, inputs.durations) } }
          : {}),
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
    return { errors: outcome.errors };
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
  return { record };
}

function setPublishedOutputs(publisher: ReturnType<typeof createPublisher> | undefined): void {
  const checkRun = publisher?.published.checkRun;
  const comment = publisher?.published.comments[0];
  core.setOutput(OUTPUTS.checkRunId, checkRun ? String(checkRun.id) : '');
  core.setOutput(OUTPUTS.checkRunUrl, checkRun?.url ?? '');
  core.setOutput(OUTPUTS.commentId, comment ? String(comment.id) : '');
  core.setOutput(OUTPUTS.commentUrl, comment?.url ?? '');
}

function concludeStep(inputs: ActionInputs, record: DecisionRecord): void {
  const outcome = record.decisions[inputs.decision];
  const line = `${inputs.decision} verdict: ${outcome.label}${outcome.blocked_by.length ? ` (blocked by ${outcome.blocked_by.join(', ')})` : ''}`;
  const fails =
    inputs.failOn !== 'never' &&
    (record.verdict === 'NO-GO' ||
      (inputs.failOn === 'conditional' && record.verdict === 'CONDITIONAL'));
  if (fails) core.setFailed(line);
  else core.notice(line);
}

/** Command durations (ms) of a previous record, to balance shards; none when no path is given. */
function readDurations(root: string, path: string): Record<string, number> | undefined {
  if (!path) return undefined;
  const durations = readRecordDurations(readFileSync(resolve(root, path), 'utf8'));
  if (typeof durations === 'string')
    throw new Error(`Invalid input 'durations': ${path}: ${durations}`);
  return durations;
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
