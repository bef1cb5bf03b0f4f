// The GitHub client's transport: the one it is given (in-process Action runs give the fake
// GitHub's own fetch, no HTTP), else Node's fetch over HTTP (the built Action, a real runner). The
// fake answers both the same way, its OpenAPI checks included.
import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/adapters/github/octokit.js';
import { fakeGitHubPerTest, type FakeGitHub } from './fake-github.js';

let gh: FakeGitHub;
fakeGitHubPerTest((started) => (gh = started));

const createCheckRun = (client: ReturnType<typeof createGitHubClient>) =>
  client.rest.checks.create({
    owner: 'acme',
    repo: 'svc',
    name: 'Cutover checkpoint',
    head_sha: 'a'.repeat(40),
    status: 'in_progress',
  });

describe('GitHub client transport', () => {
  it('sends through the fetch it is given, not over the network', async () => {
    // A closed port: only the given transport can answer.
    const client = createGitHubClient({
      token: 'ghs_test',
      baseUrl: 'http://127.0.0.1:9',
      retries: 0,
      paceWrites: false,
      fetch: gh.fetch,
    });
    const created = await createCheckRun(client);
    expect(created.status).toBe(201);
    expect(gh.requests.map((r) => r.operation)).toEqual(['POST /repos/{owner}/{repo}/check-runs']);
  });

  it('without one, goes over HTTP, and the fake answers it as it answers its own fetch', async () => {
    const overHttp = await createCheckRun(
      createGitHubClient({ token: 'ghs_test', baseUrl: gh.url, retries: 0, paceWrites: false }),
    );
    const inProcess = await createCheckRun(
      createGitHubClient({
        token: 'ghs_test',
        baseUrl: gh.url,
        retries: 0,
        paceWrites: false,
        fetch: gh.fetch,
      }),
    );
    expect(gh.requests).toHaveLength(2);
    expect(gh.requests[1]).toEqual(gh.requests[0]);
    expect(overHttp.status).toBe(inProcess.status);
    expect({ ...inProcess.data, id: 0, html_url: '', url: '' }).toEqual({
      ...overHttp.data,
      id: 0,
      html_url: '',
      url: '',
    });
    expect(inProcess.headers['content-type']).toBe(overHttp.headers['content-type']);
  });
});
