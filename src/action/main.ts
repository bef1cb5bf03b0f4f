// The Action composition root: read the context and inputs, build the ports and the GitHub sink,
// run the gate. What the run leaves on GitHub (check run, comment, outputs, job summary, step
// result) is the sink's business; see adapters/github/action-sink.ts.

import { relative, resolve } from 'node:path';
import { failGate, runGate, type GateRequest } from '../app/run-gate.js';
import { valueOrThrow } from '../core/outcome.js';
import {
  contextForPlan,
  resolveGitHubContext,
  type GitHubRunContext,
} from '../adapters/github/context.js';
import { readEventPayload } from '../adapters/github/event.js';
import { createApiLookups } from '../adapters/github/lookups.js';
import { globFiles } from '../adapters/glob-files.js';
import { debugFault } from '../adapters/github/step-io.js';
import { createMachinePorts } from '../adapters/machine-ports.js';
import { createOfflineLookups } from '../adapters/offline-lookups.js';
import { trustedRefOfEvent } from './trusted-policy.js';
import { readRecordFile, withShardDurations } from '../adapters/record-files.js';
import { stopOnSignals } from '../adapters/stop-signal.js';
import { createGit } from '../adapters/git.js';
import { explainMissingToken } from '../core/github/publication-errors.js';
import type { ActionHost } from './host.js';
import { planEvent } from '../core/github/event-plan.js';
import type { JudgePlan } from '../core/github/event-plan-types.js';
import { confirmJudgedCommit } from '../core/github/judged-commit.js';
import { readInputs, readPublishingInputs, type ActionInputs } from './inputs.js';
import { clientFor, FAILURE_ONLY, publisherFor, sinkFor } from './publishing.js';

export type { ActionHost } from './host.js';

/**
 * Runs the Action once. Every failure ends as a failed step with a message, never a throw.
 * Resolves true when the gate reached a verdict (the whole pipeline ran), false otherwise.
 */
export async function runAction(host: ActionHost): Promise<boolean> {
  try {
    const payload = valueOrThrow(readEventPayload(host.env.GITHUB_EVENT_PATH));
    const resolved = resolveGitHubContext(host.env, payload);
    // Which commit this event judges, where its verdict goes and whose policy counts (SPEC §10).
    const plan = planEvent(resolved.eventName, payload, {
      sha: host.env.GITHUB_SHA || null,
      repository: host.env.GITHUB_REPOSITORY ?? null,
    });
    if (plan.kind === 'skip') {
      // Nothing to judge: no commands, no check run, no comment, empty verdict outputs.
      host.io.notice(`cutover-checkpoint skipped this ${plan.event} event: ${plan.reason}`);
      return false;
    }
    const context = contextForPlan(resolved, plan, plan.subjectSha ?? resolved.sha);
    const publishing = readPublishingInputs(host.inputs);
    if (publishing.githubToken) host.io.mask(publishing.githubToken);
    let inputs: ActionInputs;
    try {
      inputs = readInputs(
        host.inputs,
        workspaceOf(host),
        context.eventName === 'workflow_dispatch' ? context.dispatchInputs : {},
      );
    } catch (error) {
      // Invalid inputs still end with a failed check run that says why.
      const client = await clientFor(host, publishing.githubToken, context);
      const publisher = publisherFor(host, context, client, publishing, FAILURE_ONLY);
      await failGate(sinkFor(host, context, publisher, 'rehearsal', 'no-go'), error);
      return false;
    }
    return await runWithInputs(host, context, plan, inputs);
  } catch (error) {
    debugFault(host.io, error);
    host.io.fail(`cutover-checkpoint could not run: ${describe(error)}`);
    return false;
  }
}

async function runWithInputs(
  host: ActionHost,
  planned: GitHubRunContext,
  plan: JudgePlan,
  inputs: ActionInputs,
): Promise<boolean> {
  const workspace = workspaceOf(host);
  const root = resolve(workspace, inputs.workingDirectory);
  const head = await (host.readHead ?? ((dir: string) => createGit(dir, host.git).headCommit()))(
    root,
  );
  const judged = confirmJudgedCommit(plan, head, host.env.GITHUB_SHA ?? '');
  if (judged.kind === 'wrong-commit') {
    // No verdict for a commit that was not judged (or not identified): no check run, no comment,
    // empty outputs.
    host.io.fail(judged.message);
    return false;
  }
  const context = contextForPlan(planned, plan, judged.subjectSha);
  const pathPrefix = relative(workspace, root) === '' ? '' : `${relative(workspace, root)}/`;
  const client = await clientFor(host, inputs.githubToken, context);
  // Said once: without a token nothing is published and a required check would wait for ever.
  if (inputs.publish && !client && !inputs.ask.shard)
    host.io.warning(`cutover-checkpoint: ${explainMissingToken(inputs.checkName)}`);
  // A shard's record is partial: only the aggregating job publishes.
  const publisher = inputs.ask.shard
    ? undefined
    : publisherFor(host, context, client, inputs, { ...inputs, pathPrefix });
  const sink = sinkFor(host, context, publisher, inputs.ask.decision, inputs.failOn);
  const machine = createMachinePorts({
    root,
    evidenceDir: resolve(root, inputs.evidenceDir),
    // The step's environment (process.env on a runner): what commands inherit, secrets are read from.
    env: host.env,
    ...(host.git ? { git: host.git } : {}),
    // Progress lines quote config and tree values: echoed with workflow commands stopped.
    logger: { info: (m) => host.io.echo(m), warn: (m) => host.io.warning(m) },
    lookups: client
      ? createApiLookups(
          client,
          `${context.owner}/${context.repo}`,
          {
            event: context.eventName,
            pullRequest: context.pullRequest,
            sha: context.sha,
            runId: host.env.GITHUB_RUN_ID ?? null,
            runUrl: context.runUrl,
            serverUrl: context.serverUrl,
          },
          pathPrefix,
        )
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
      request = {
        ...buildRequest(host, context, { plan, ...judged }, inputs, root, stop.signal),
        // Policy from the trusted ref of this event (SPEC §10 table), never the tree's own.
        trustedRef: await trustedRefOfEvent(
          root,
          host.env,
          plan,
          client && {
            client,
            owner: context.owner,
            repo: context.repo,
          },
          host.git,
        ),
      };
    } catch (error) {
      await failGate(sink, error);
      return false;
    }
    return (await runGate(ports, request, sink)).kind === 'judged';
  } finally {
    stop.dispose();
  }
}

/** The run request from the inputs and the context; throws for a durations or records input that cannot be read. */
function buildRequest(
  host: ActionHost,
  context: GitHubRunContext,
  judged: { plan: JudgePlan; headSha: string; subjectSha: string },
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
      // The trusted ref (the policy shards were judged under) is added by the caller, as for a run.
      commit: { headSha: judged.headSha, subjectSha: judged.subjectSha },
      // The step's verdict is the decision input's: shards judged for another are refused.
      asked: { decision: ask.decision, modes: ask.modes, inputs: ask.inputs },
    };
  return {
    ...valueOrThrow(
      withShardDurations(ask, inputs.durations || undefined, root),
      "Invalid input 'durations'",
    ),
    scope: 'run',
    // pull_request_target and a fork's workflow_run run with a write token: never their code.
    runCommands: judged.plan.runCommands,
    ...(judged.plan.notRunReason ? { notRunReason: judged.plan.notRunReason } : {}),
    context: {
      repository: `${context.owner}/${context.repo}`,
      sha: context.sha,
      ref: context.ref,
      event: context.eventName,
      runUrl: context.runUrl,
      headSha: judged.headSha,
      subjectSha: judged.subjectSha,
    },
    events: host.commandEvents(),
    secrets: inputs.githubToken ? [inputs.githubToken] : [],
    signal,
  };
}

/** GITHUB_WORKSPACE, where the checkout is. */
function workspaceOf(host: ActionHost): string {
  return host.env.GITHUB_WORKSPACE ?? process.cwd();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
