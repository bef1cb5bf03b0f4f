// Policy files at the trusted ref through the contents API (SPEC §10), for shallow clones
// (`fetch-depth: 1`) that lack the trusted ref's objects. Only a sha is asked for, so a branch
// moved after the run started cannot answer; anything short of one regular file is `unavailable`.

import { createHash } from 'node:crypto';
import type { TrustedRead } from '../../core/evidence.js';
import { describeApiError } from './api-errors.js';
import type { GitHubClient } from './octokit.js';

/** The contents API answers files up to 1 MB with their content inline. */
const MAX_CONTENT_BYTES = 1024 * 1024;
const FETCH_DEPTH = 'or check out with `fetch-depth: 0` (actions/checkout) so git can read it';

/**
 * Reads `pathPrefix + path` (`pathPrefix` is the working directory inside the repository, '' or
 * ending in '/') at commit `sha` of `owner/repo`. A 404 is `unavailable`, not `missing`: GitHub
 * answers 404 alike for an absent file and for a token that may not read the repository.
 */
export function createPolicySource(
  client: GitHubClient,
  repository: { owner: string; repo: string },
  pathPrefix: string,
): (sha: string, path: string) => Promise<TrustedRead> {
  return async (sha, path) => {
    const where = `${pathPrefix}${path} at ${sha.slice(0, 12)}`;
    const unavailable = (why: string): TrustedRead => ({
      kind: 'unavailable',
      path,
      reason: `the trusted ref's objects are not in this clone and the contents API could not give ${where}: ${why}; ${FETCH_DEPTH}`,
    });
    if (!/^[0-9a-f]{40}$/.test(sha)) return unavailable('the trusted ref is not a full commit sha');
    try {
      const { data } = await client.rest.repos.getContent({
        ...repository,
        path: `${pathPrefix}${path}`,
        ref: sha,
      });
      if (Array.isArray(data) || data.type !== 'file')
        return unavailable(`it is a ${Array.isArray(data) ? 'directory' : data.type}`);
      if (data.size > MAX_CONTENT_BYTES || !('content' in data) || data.encoding !== 'base64')
        return unavailable(`it is larger than 1 MB (${data.size} bytes)`);
      const bytes = Buffer.from(data.content, 'base64');
      if (bytes.length !== data.size)
        return unavailable(`the API gave ${bytes.length} of ${data.size} bytes`);
      return {
        kind: 'ok',
        path,
        text: bytes.toString('utf8'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
      };
    } catch (error) {
      const api = describeApiError(error);
      if (!api) throw error;
      return unavailable(
        api.status === 404 || api.status === 403
          ? `HTTP ${api.status} (absent there, or the token lacks \`contents: read\`)`
          : `HTTP ${api.status}: ${api.message}`,
      );
    }
  };
}
