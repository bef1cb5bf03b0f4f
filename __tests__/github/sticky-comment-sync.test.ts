// syncStickyComment's answer in the cases a whole Action run does not show: a comment list that
// lags the create (GitHub's lists are eventually consistent), and a run that leaves the comment to
// a newer commit's run when none of ours exists. Against the OpenAPI-checked fake server.
import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/adapters/github/octokit.js';
import { syncStickyComment, type StickyTarget } from '../../src/adapters/github/pr-comment.js';
import { fakeGitHubPerTest, type FakeGitHub } from './fake-github.js';

const repository = { owner: 'acme', repo: 'svc' };
const JUDGED = 'a'.repeat(40);
const target: StickyTarget = {
  issueNumber: 2,
  marker: '<!-- marker -->',
  body: '<!-- marker -->\nGO',
  judged: JUDGED,
  currentHead: JUDGED,
  identity: 'github-actions[bot]',
};
let gh: FakeGitHub;

fakeGitHubPerTest((started) => (gh = started));

/** A client whose first comment listing after a create does not show the created comment yet. */
function laggingClient() {
  let lagging = false;
  const fetch = async (input: string | URL, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const isComments = /\/issues\/2\/comments$/.test(new URL(String(input)).pathname);
    if (method === 'GET' && isComments && lagging) {
      lagging = false;
      const list = gh.comments.get(2)!;
      const hidden = list.pop()!;
      try {
        return await gh.fetch(input, init);
      } finally {
        list.push(hidden);
      }
    }
    const response = await gh.fetch(input, init);
    if (method === 'POST' && isComments) lagging = true;
    return response;
  };
  return createGitHubClient({
    token: 'ghs_test',
    baseUrl: gh.url,
    retries: 0,
    paceWrites: false,
    fetch,
  });
}

describe('syncStickyComment', () => {
  it('a created comment the next listing does not show yet is still the outcome, and stays alone', async () => {
    const outcome = await syncStickyComment(laggingClient(), repository, target);
    const comments = gh.comments.get(2)!;
    expect(comments).toHaveLength(1);
    expect(outcome).toMatchObject({ action: 'created', id: comments[0]!.id });
    expect(outcome.url).toMatch(new RegExp(`${comments[0]!.id}$`));
  });

  it('left to a newer commit with no comment of ours: skipped, with why and no id', async () => {
    const client = createGitHubClient({
      token: 'ghs_test',
      baseUrl: gh.url,
      retries: 0,
      paceWrites: false,
      fetch: gh.fetch,
    });
    const outcome = await syncStickyComment(client, repository, {
      ...target,
      currentHead: 'b'.repeat(40),
    });
    expect(outcome).toMatchObject({ action: 'skipped', id: null, url: null });
    expect(outcome.skipped).toContain('newer than the judged');
    expect(gh.comments.get(2) ?? []).toEqual([]);
  });
});
