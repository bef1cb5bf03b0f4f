// The contents-API fallback for policy at the trusted ref (SPEC §10), against the fake GitHub
// server that validates requests and answers against GitHub's OpenAPI description.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiLookups } from '../../src/adapters/github/lookups.js';
import { createGitHubClient } from '../../src/adapters/github/octokit.js';
import { createOfflineLookups } from '../../src/adapters/offline-lookups.js';
import { FakeGitHub } from './fake-github.js';

const SHA = 'a'.repeat(40);
let gh: FakeGitHub;
const subject = {
  event: 'pull_request',
  pullRequest: null,
  sha: 'b'.repeat(40),
  runId: null,
  runUrl: null,
  serverUrl: 'https://github.com',
};
const lookups = (prefix = '') =>
  createApiLookups(
    createGitHubClient({ token: 'ghs_test', baseUrl: gh.url, retries: 0, paceWrites: false }),
    'acme/svc',
    subject as never,
    prefix,
  );

beforeEach(async () => {
  gh = await new FakeGitHub().start();
});
afterEach(async () => {
  // Requests are checked against GitHub's description (a 404's body is not documented there).
  for (const request of gh.requests) expect(request.errors).toEqual([]);
  await gh.stop();
});

describe('policyFileAt through the contents API', () => {
  it('reads the file at the sha, prefixed with the working directory, with its digest', async () => {
    gh.contents.set(`${SHA}:svc/.github/cutover-checkpoint.yml`, 'version: 1\n');
    const read = await lookups('svc/').policyFileAt!(SHA, '.github/cutover-checkpoint.yml');
    expect(read).toMatchObject({
      kind: 'ok',
      path: '.github/cutover-checkpoint.yml',
      text: 'version: 1\n',
      bytes: 11,
    });
    expect(read.kind === 'ok' && read.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(gh.requests.at(-1)?.query.ref).toBe(SHA);
    expect(gh.requests.at(-1)?.responseErrors).toEqual([]);
  });

  it('a 404 is unavailable (absent or no access), naming contents: read and fetch-depth: 0', async () => {
    const read = await lookups().policyFileAt!(SHA, 'checkpoint.yml');
    expect(read.kind).toBe('unavailable');
    expect(read.kind === 'unavailable' && read.reason).toMatch(
      /HTTP 404.*contents: read.*fetch-depth: 0/,
    );
  });

  it('only a full commit sha is asked for: a branch name is unavailable without a request', async () => {
    const read = await lookups().policyFileAt!('main', 'checkpoint.yml');
    expect(read.kind).toBe('unavailable');
    expect(gh.requests).toHaveLength(0);
  });

  it('offline lookups are unavailable with their reason', async () => {
    const read = await createOfflineLookups('no github-token was given').policyFileAt!(
      SHA,
      'x.yml',
    );
    expect(read).toEqual({
      kind: 'unavailable',
      path: 'x.yml',
      reason: 'no github-token was given',
    });
  });
});
