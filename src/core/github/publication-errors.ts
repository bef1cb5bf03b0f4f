// Why a publication to GitHub did not happen, in words a workflow author can act on. GitHub's own
// reason is passed on; the advice depends on what actually went wrong (a 401 is not a missing
// permission, a personal access token cannot create check runs, an unreachable API is not a 500).

/** A failed API call as the adapter saw it. */
export interface ApiFailure {
  /** HTTP status; Octokit reports transport failures as 500 with the transport's message. */
  status?: number;
  message: string;
  /** Transport error code when there was no HTTP answer (ECONNREFUSED, ENOTFOUND, …). */
  code?: string;
}

/** The kinds of failure that change what the user should do. */
export type PublicationProblem =
  | 'unreachable'
  | 'bad-credentials'
  | 'app-token-required'
  | 'permission'
  | 'rate-limited'
  | 'other';

const TRANSPORT =
  /bad port|fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|socket hang up|network|getaddrinfo|certificate/i;

/** Sorts a failure; transport failures first, because Octokit disguises them as HTTP 500. */
export function classifyApiFailure(failure: ApiFailure): PublicationProblem {
  if (failure.code || (failure.status === undefined && TRANSPORT.test(failure.message)))
    return 'unreachable';
  if (failure.status === 500 && TRANSPORT.test(failure.message)) return 'unreachable';
  if (failure.status === 401) return 'bad-credentials';
  if (failure.status === 403 && /authenticate via a GitHub App/i.test(failure.message))
    return 'app-token-required';
  if ((failure.status === 403 || failure.status === 429) && /rate limit/i.test(failure.message))
    return 'rate-limited';
  if (failure.status === 403 || failure.status === 404) return 'permission';
  return 'other';
}

/**
 * One warning for a publication that did not happen. `what` is the action ("create the check
 * run"), `permission` the workflow permission it needs, `apiUrl` where the API was expected.
 */
export function explainPublicationFailure(
  what: string,
  permission: string,
  failure: ApiFailure,
  apiUrl: string,
): string {
  const said = failure.message.trim().slice(0, 300);
  switch (classifyApiFailure(failure)) {
    case 'unreachable':
      return `could not ${what}: the GitHub API at ${apiUrl} could not be reached (${failure.code ?? said}). Nothing was published; the verdict, outputs and job summary stand.`;
    case 'bad-credentials':
      return `could not ${what}: GitHub rejected the token (HTTP 401: ${said}). It is expired, revoked or not a GitHub token; check the \`github-token\` input.`;
    case 'app-token-required':
      return `could not ${what}: GitHub says "${said}" Check runs can only be created with a GitHub App installation token: the workflow's own GITHUB_TOKEN (with \`checks: write\`) or an app token (e.g. actions/create-github-app-token), not a personal access token or an OAuth token.`;
    case 'rate-limited':
      return `could not ${what}: GitHub's rate limit was reached (HTTP ${failure.status}: ${said}).`;
    case 'permission':
      return `could not ${what}: the token is not allowed to (HTTP ${failure.status}: ${said}); it needs \`${permission}\` in the workflow's \`permissions:\` block. On pull requests from forks the token is read-only.`;
    default:
      return `could not ${what} (HTTP ${failure.status ?? '?'}: ${said}).`;
  }
}

/** The warning for a run without a token: nothing is published, and a required check waits. */
export function explainMissingToken(checkName: string): string {
  return `github-token is empty (GitHub gives none to Dependabot and fork pull requests, or the workflow passed ''): no check run or comment was published. The verdict, outputs, job summary and step result stand. A required status check named '${checkName}' will wait for a check run that never comes; give the step a token, or require this job's own status instead.`;
}
