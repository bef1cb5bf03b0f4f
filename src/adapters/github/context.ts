// Where this run sits on GitHub, from the runner's environment and the event payload: the commit
// the check run belongs on (the PR head, never the merge commit), the PR to comment on, and links.

import { obj, pullRequestOf, str } from '../../core/github/event-payload.js';
import type { JudgePlan } from '../../core/github/event-plan-types.js';

/** The pull request a run is about. */
export interface PullRequestContext {
  number: number;
  headSha: string;
  baseSha: string | null;
  /** Opened from a fork: the token is read-only there. */
  fork: boolean;
}

/** Everything the Action needs to know about its place on GitHub. */
export interface GitHubRunContext {
  eventName: string;
  owner: string;
  repo: string;
  /** The sha the check run goes on. */
  sha: string;
  ref: string | null;
  pullRequest: PullRequestContext | null;
  apiUrl: string;
  serverUrl: string;
  runUrl: string | null;
  /** The payload names no PR but the commit may belong to one (a fork's workflow_run). */
  lookUpPullRequest?: boolean;
  /** The head as `owner:branch`, to find that PR when GitHub lists none for the commit. */
  headLabel?: string;
  /** workflow_dispatch inputs (decision, modes). */
  dispatchInputs: Record<string, string>;
}

/** Events on which the Action posts to a pull request by default (`comment: auto`). */
export const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'workflow_run']);

type Payload = Record<string, unknown>;

/** Resolves the context; throws with a clear message when the environment is not a runner's. */
export function resolveGitHubContext(
  env: Record<string, string | undefined>,
  event: Payload,
): GitHubRunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? 'unknown';
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo)
    throw new Error(
      `GITHUB_REPOSITORY is '${repository}'; expected owner/repo (is this running on GitHub Actions?)`,
    );
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
  const apiUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, '');
  const pullRequest = findPullRequest(eventName, event);
  // workflow_run is about its head_sha; the pull request it lists may have moved on since.
  const sha =
    workflowRunSha(eventName, event) ??
    pullRequest?.headSha ??
    mergeGroupSha(event) ??
    env.GITHUB_SHA ??
    '';
  const inputs = (event.inputs ?? {}) as Record<string, unknown>;
  return {
    eventName,
    owner,
    repo,
    sha,
    ref: env.GITHUB_REF ?? null,
    pullRequest,
    apiUrl,
    serverUrl,
    runUrl: env.GITHUB_RUN_ID
      ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
      : null,
    dispatchInputs: Object.fromEntries(
      Object.entries(inputs).filter(([, v]) => typeof v === 'string'),
    ) as Record<string, string>,
  };
}

/**
 * The context of a run the event plan judges: the plan's pull request (looked up or from the
 * payload) and `subjectSha`, the commit the verdict is published on (SPEC §5).
 */
export function contextForPlan(
  context: GitHubRunContext,
  plan: JudgePlan,
  subjectSha: string,
): GitHubRunContext {
  return {
    ...context,
    sha: subjectSha,
    pullRequest: plan.pullRequest,
    lookUpPullRequest: plan.lookUpPullRequest,
    ...(plan.headLabel ? { headLabel: plan.headLabel } : {}),
  };
}

/** The payload's pull request, read as the event plan reads it (a malformed one is none). */
function findPullRequest(eventName: string, event: Payload): PullRequestContext | null {
  if (eventName === 'pull_request' || eventName === 'pull_request_target')
    return pullRequestOf(obj(event.pull_request), null);
  if (eventName === 'workflow_run') {
    const run = obj(event.workflow_run);
    const prs = Array.isArray(run?.pull_requests) ? run.pull_requests : [];
    const fork = str(obj(run?.head_repository)?.full_name) !== str(obj(run?.repository)?.full_name);
    return prs.length > 0 ? pullRequestOf(obj(prs[0]), null, fork) : null;
  }
  return null;
}

function mergeGroupSha(event: Payload): string | undefined {
  return (event.merge_group as { head_sha?: string } | undefined)?.head_sha;
}

function workflowRunSha(eventName: string, event: Payload): string | undefined {
  return eventName === 'workflow_run'
    ? (event.workflow_run as { head_sha?: string } | undefined)?.head_sha
    : undefined;
}
