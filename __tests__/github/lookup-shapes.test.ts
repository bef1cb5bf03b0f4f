// The incident and consumer-check lookups on answers GitHub would not send: unavailable with the
// reason (the checks are then pending or fail), never "no open incidents" and never a TypeError.
import { describe, expect, it } from 'vitest';
import { createApiLookups } from '../../src/adapters/github/lookups.js';
import type { GitHubClient } from '../../src/adapters/github/octokit.js';

const SUBJECT = { event: 'push', pullRequest: null, sha: null, runId: null, runUrl: null };
const UNEXPECTED = /is not what its API describes/;

/** A client whose list calls answer `issues` (paginated) and `checks` (one page). */
function lookupsAnswering(issues: unknown, checks: unknown) {
  const client = {
    paginate: async () => issues,
    rest: { issues: { listForRepo: {} }, checks: { listForRef: async () => ({ data: checks }) } },
  } as unknown as GitHubClient;
  return createApiLookups(client, 'o/r', { ...SUBJECT, serverUrl: 'https://github.example' });
}

const issue = { number: 7, title: 'outage', html_url: 'https://github.example/o/r/issues/7' };

describe('incident lookup', () => {
  it.each([
    ['an object, not a list', {}],
    ['null', null],
    ['a list holding null', [null]],
    ['an issue without a number', [{ ...issue, number: undefined, labels: [] }]],
    ['an issue whose labels are not a list', [{ ...issue, labels: null }]],
  ])('%s: unavailable, with the reason', async (_, answer) => {
    const found = await lookupsAnswering(answer, {}).incidents({ labels: ['incident'] } as never);
    expect(found.kind).toBe('unavailable');
    expect(found.kind === 'unavailable' && found.reason).toMatch(UNEXPECTED);
  });

  it('a well-formed answer: the open incident', async () => {
    const found = await lookupsAnswering(
      [{ ...issue, labels: [{ name: 'incident' }] }],
      {},
    ).incidents({ labels: ['incident'] } as never);
    expect(found).toEqual({
      kind: 'ok',
      value: { open: [{ number: 7, title: 'outage', url: issue.html_url, labels: ['incident'] }] },
    });
  });
});

describe('consumer check lookup', () => {
  const ask = { repository: 'acme/consumer', ref: 'abc1234', checkName: 'gate' } as never;
  it.each([
    ['an empty object', {}],
    ['check_runs holding null', { check_runs: [null] }],
    ['a run without a status', { check_runs: [{ conclusion: 'success' }] }],
  ])('%s: unavailable, with the reason', async (_, answer) => {
    const found = await lookupsAnswering([], answer).consumerCheck(ask);
    expect(found.kind).toBe('unavailable');
    expect(found.kind === 'unavailable' && found.reason).toMatch(UNEXPECTED);
  });

  it('a well-formed answer: the run, or none named so', async () => {
    const run = { status: 'completed', conclusion: 'success', html_url: 'https://x/1' };
    expect(await lookupsAnswering([], { check_runs: [run] }).consumerCheck(ask)).toEqual({
      kind: 'ok',
      value: { status: 'completed', conclusion: 'success', url: 'https://x/1' },
    });
    const none = await lookupsAnswering([], { check_runs: [] }).consumerCheck(ask);
    expect(none.kind === 'unavailable' && none.reason).toMatch(/no check named 'gate'/);
  });
});
