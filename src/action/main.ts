// The Action composition root: read the context and inputs, build the ports and the GitHub sink,
// run the gate. What the run leaves on GitHub (check run, comment, outputs, job summary, step
// result) is the sink's business; see adapters/github/action-sink.ts.

import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import type { CommandEvents, Ports } from '../app/ports.js';
import { failGate, runGate, type GateRequest, type GateSink } from '../app/run-gate.js';
import { valueOrThrow } from '../core/outcome.js';
import { createActionSink } from '../adapters/github/action-sink.js';
import { resolveGitHubContext, type GitHubRunContext } from '../adapters/github/context.js';
import { readEventPayload } from '../adapters/github/event.js';
import { createApiLookups } from '../adapters/github/lookups.js';
import { createGitHubClient, type GitHubClient } from '../adapters/github/octokit.js';
import { createPublisher, type PublisherOptions } from '../adapters/github/publisher.js';
import type { StepIo } from '../adapters/github/step-io.js';
import { globFiles } from '../adapters/glob-files.js';
import { createMachinePorts } from '../adapters/machine-ports.js';
import { createOfflineLookups } from '../adapters/offline-lookups.js';
import { readRecordFile, readShardDurations } from '../adapters/record-files.js';
import { stopOnSignals } from '../adapters/stop-signal.js';
import { OUTPUTS } from './constants.js';
import {
  readInputs,
  readPublishingInputs,
  type ActionInputs,
  type InputSource,
  type PublishingInputs,
} from './inputs.js';

/** Everything the Action takes from the machine it runs on; tests pass fakes of the runner parts. */
export interface ActionHost {
  /** GITHUB_* variables (GITHUB_EVENT_PATH, GITHUB_WORKSPACE, GITHUB_API_URL, …). */
  env: Readonly<Record<string, string | undefined>>;
  inputs: InputSource;
  io: StepIo;
  /** Live command output for the Actions log. */
  commandEvents: () => CommandEvents;
  /** Called on a second SIGINT/SIGTERM. */
  exitNow: () => void;
  /** Wait before the first retry of a GitHub request after a 5xx, in ms (tests shorten it). */
  retryAfterBaseMs?: number;
  /** Off: no pause between mutating GitHub requests (tests against the local server). */
  paceWrites?: boolean;
  /** Wraps the machine's ports (tests replace the command runner with a replaying fake). */
  wrapPorts?: (ports: Ports) => Ports;
}

/** Runs the Action once. Every failure ends as a failed step with a message, never a throw. */
export async function runAction(host: ActionHost): Promise<void> {
  try {
    const payload = valueOrThrow(readEventPayload(host.env.GITHUB_EVENT_PATH));
    const context = resolveGitHubContext(host.env, payload);
    const publishing = readPublishingInputs(host.inputs);
    if (publishing.githubToken) host.io.mask(publishing.githubToken);
    let inputs: ActionInputs;
    try {
      inputs = readInputs(
        host.inputs,
        context.eventName === 'workflow_dispatch' ? context.dispatchInputs : {},
      );
    } catch (error) {
      // Invalid inputs still end with a failed check run that says why.
      const client = clientFor(host, publishing.githubToken, context);
      const publisher = publisherFor(host, context, client, publishing, FAILURE_ONLY);
      await failGate(sinkFor(host, context, publisher, 'rehearsal', 'no-go'), error);
      return;
    }
    await runWithInputs(host, context, inputs);
  } catch (error) {
    host.io.fail(`cutover-checkpoint could not run: ${describe(error)}`);
  }
}

async function runWithInputs(
  host: ActionHost,
  context: GitHubRunContext,
  inputs: ActionInputs,
): Promise<void> {
  const workspace = host.env.GITHUB_WORKSPACE ?? process.cwd();
  const root = resolve(workspace, inputs.workingDirectory);
  const pathPrefix = relative(workspace, root) === '' ? '' : `${relative(workspace, root)}/`;
  const client = clientFor(host, inputs.githubToken, context);
  // A shard's record is partial: only the aggregating job publishes.
  const publisher = inputs.ask.shard
    ? undefined
    : publisherFor(host, context, client, inputs, { ...inputs, pathPrefix });
  const sink = sinkFor(host, context, publisher, inputs.ask.decision, inputs.failOn);
  const machine = createMachinePorts({
    root,
    evidenceDir: resolve(root, inputs.evidenceDir),
    logger: { info: (m) => host.io.info(m), warn: (m) => host.io.warning(m) },
    lookups: client
      ? createApiLookups(client, `${context.owner}/${context.repo}`)
      : createOfflineLookups('no github-token was given'),
  });
  const ports = host.wrapPorts ? host.wrapPorts(machine) : machine;
  const stop = stopOnSignals({
    notify: (text) => host.io.info(text.trim()),
    onSecondSignal: host.exitNow,
  });
  try {
    let request: GateRequest;
    try {
      request = buildRequest(host, context, inputs, root, stop.signal);
    } catch (error) {
      await failGate(sink, error);
      return;
    }
    await runGate(ports, request, sink);
  } finally {
    stop.dispose();
  }
}

/** The run request from the inputs and the context; throws for a durations or records input that cannot be read. */
function buildRequest(
  host: ActionHost,
  context: GitHubRunContext,
  inputs: ActionInputs,
  root: string,
  signal: AbortSignal,
): GateRequest {
  const { ask } = inputs;
  if (inputs.aggregate)
    return {
      configPath: ask.configPath,
      records: globFiles(root, inputs.aggregate).map((path) => ({
        path,
        text: valueOrThrow(readRecordFile(path, root)),
      })),
    };
  // pull_request_target runs with a write token: never run code from the pull request.
  const untrusted = context.eventName === 'pull_request_target';
  return {
    ...ask,
    ...(ask.shard && inputs.durations
      ? {
          shard: {
            ...ask.shard,
            durations: valueOrThrow(
              readShardDurations(inputs.durations, root),
              "Invalid input 'durations'",
            ),
          },
        }
      : {}),
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
    events: host.commandEvents(),
    secrets: inputs.githubToken ? [inputs.githubToken] : [],
    signal,
    ...(context.pullRequest?.baseSha ? { baseSha: context.pullRequest.baseSha } : {}),
  };
}

type PublishSettings = Pick<
  PublisherOptions,
  'checkName' | 'comment' | 'conditionalConclusion' | 'pathPrefix'
>;

/** When the inputs are invalid: only the check run, completed as failure. */
const FAILURE_ONLY = {
  comment: 'never',
  conditionalConclusion: 'neutral',
  pathPrefix: '',
} as const;

function sinkFor(
  host: ActionHost,
  context: GitHubRunContext,
  publisher: ReturnType<typeof publisherFor>,
  decision: ActionInputs['ask']['decision'],
  failOn: ActionInputs['failOn'],
): GateSink {
  return createActionSink({
    io: host.io,
    outputs: OUTPUTS,
    publisher,
    decision,
    failOn,
    runUrl: context.runUrl,
  });
}

/** A publisher when publishing is on and there is a token; GITHUB_TOKEN and app tokens start with ghs_. */
function publisherFor(
  host: ActionHost,
  context: GitHubRunContext,
  client: GitHubClient | undefined,
  publishing: PublishingInputs,
  settings: Omit<PublishSettings, 'checkName'>,
) {
  if (!publishing.publish || !client) return undefined;
  return createPublisher({
    client,
    context,
    checkName: publishing.checkName,
    comment: settings.comment,
    conditionalConclusion: settings.conditionalConclusion,
    pathPrefix: settings.pathPrefix,
    warn: (m) => host.io.warning(m),
    now: () => new Date(),
    installationToken: publishing.githubToken.startsWith('ghs_'),
  });
}

/** The API client, or undefined without a token. */
function clientFor(
  host: ActionHost,
  token: string,
  context: GitHubRunContext,
): GitHubClient | undefined {
  if (!token) return undefined;
  return createGitHubClient({
    token,
    baseUrl: context.apiUrl,
    log: (m) => host.io.info(m),
    ...(host.retryAfterBaseMs !== undefined ? { retryAfterBaseMs: host.retryAfterBaseMs } : {}),
    ...(host.paceWrites !== undefined ? { paceWrites: host.paceWrites } : {}),
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
