// The GitHub side of a run, composed from the inputs: the API client, the publisher (check run
// and comment) and the sink that owns everything the run leaves on GitHub.

import type { GateSink } from '../app/run-gate.js';
import { createActionSink } from '../adapters/github/action-sink.js';
import type { GitHubRunContext } from '../adapters/github/context.js';
import type { GitHubClient } from '../adapters/github/octokit.js';
import { createPublisher, type PublisherOptions } from '../adapters/github/publisher.js';
import { OUTPUTS } from './constants.js';
import type { ActionHost } from './host.js';
import type { ActionInputs, PublishingInputs } from './inputs.js';

type PublishSettings = Pick<
  PublisherOptions,
  'checkName' | 'comment' | 'conditionalConclusion' | 'pathPrefix'
>;

/** When the inputs are invalid: only the check run, completed as failure. */
export const FAILURE_ONLY = {
  comment: 'never',
  conditionalConclusion: 'action_required',
  pathPrefix: '',
} as const;

export function sinkFor(
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

/** A publisher when publishing is on and there is a token. */
export function publisherFor(
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
    notice: (m) => host.io.notice(m),
    now: () => new Date(),
  });
}

/** The API client, or undefined without a token (the client stack is loaded only with one). */
export async function clientFor(
  host: ActionHost,
  token: string,
  context: GitHubRunContext,
): Promise<GitHubClient | undefined> {
  if (!token) return undefined;
  const { createGitHubClient } = await import('../adapters/github/octokit.js');
  return createGitHubClient({
    token,
    baseUrl: context.apiUrl,
    log: (m) => host.io.info(m),
    ...(host.retryAfterBaseMs !== undefined ? { retryAfterBaseMs: host.retryAfterBaseMs } : {}),
    ...(host.paceWrites !== undefined ? { paceWrites: host.paceWrites } : {}),
    ...(host.fetch ? { fetch: host.fetch } : {}),
  });
}
