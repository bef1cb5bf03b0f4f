import { describe, expect, it } from 'vitest';
import { resolveGitHubContext } from '../../src/adapters/github/context.js';
import {
  fitWithin,
  byteLength,
  CHECK_RUN_TEXT_LIMIT,
} from '../../src/core/render/github/limits.js';
import { mapConclusion, renderCheckTitle } from '../../src/core/render/github/check-run.js';
import { commentMarker, hasCommentMarker } from '../../src/core/render/github/comment.js';
import { fixturePayload } from '../action/run-action.js';

const env = {
  GITHUB_REPOSITORY: 'Codertocat/Hello-World',
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_RUN_ID: '7',
  GITHUB_SERVER_URL: 'https://ghe.example',
  GITHUB_API_URL: 'https://ghe.example/api/v3',
};

describe('resolveGitHubContext', () => {
  it.each([
    ['push', 'push.json', 'f'.repeat(40), null],
    [
      'pull_request',
      'pull_request.synchronize.json',
      'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      2,
    ],
    [
      'pull_request_target',
      'pull_request.synchronize.json',
      'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      2,
    ],
    [
      'merge_group',
      'merge_group.checks_requested.json',
      '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d',
      null,
    ],
    // GitHub's own example lists its PR at another head (ec26c3e): the run is about head_sha.
    ['workflow_run', 'workflow_run.completed.json', '3484a3fb816e0859fd6e1cea078d76385ff50625', 2],
    ['workflow_dispatch', 'workflow_dispatch.json', 'f'.repeat(40), null],
  ])('%s: posts on %s', (event, fixture, sha, pr) => {
    const context = resolveGitHubContext(
      { ...env, GITHUB_EVENT_NAME: event },
      fixturePayload(fixture),
    );
    expect(context.sha).toBe(sha);
    expect(context.pullRequest?.number ?? null).toBe(pr);
  });

  it('honours GitHub Enterprise URLs and builds the run link', () => {
    const context = resolveGitHubContext({ ...env, GITHUB_EVENT_NAME: 'push' }, {});
    expect(context).toMatchObject({
      apiUrl: 'https://ghe.example/api/v3',
      serverUrl: 'https://ghe.example',
      runUrl: 'https://ghe.example/Codertocat/Hello-World/actions/runs/7',
    });
  });

  it('reads a malformed pull request as none instead of throwing', () => {
    for (const pull_request of [{ number: 2 }, { number: 2, head: null }, 'x', null]) {
      const context = resolveGitHubContext(
        { ...env, GITHUB_EVENT_NAME: 'pull_request' },
        { pull_request },
      );
      expect(context.pullRequest).toBeNull();
    }
  });

  it('marks a PR from a fork', () => {
    const payload = fixturePayload('pull_request.synchronize.json') as {
      pull_request: { head: { repo: { full_name: string } } };
    };
    payload.pull_request.head.repo.full_name = 'forker/Hello-World';
    expect(
      resolveGitHubContext({ ...env, GITHUB_EVENT_NAME: 'pull_request' }, payload).pullRequest
        ?.fork,
    ).toBe(true);
  });

  it('refuses an environment that is not a runner’s', () => {
    expect(() => resolveGitHubContext({}, {})).toThrow(
      "GITHUB_REPOSITORY is ''; expected owner/repo",
    );
  });
});

describe('fitWithin', () => {
  it('takes the first rendering that fits', () => {
    expect(fitWithin([() => 'x'.repeat(20), () => 'short'], 10, (t) => t.length, 'elsewhere')).toBe(
      'short',
    );
  });

  it('truncates the last one with a notice, never over the limit, closing an open code fence', () => {
    const long = '# report\n```text\n' + 'é'.repeat(100_000);
    const fitted = fitWithin([() => long], CHECK_RUN_TEXT_LIMIT, byteLength, 'in the workflow run');
    expect(byteLength(fitted)).toBeLessThanOrEqual(CHECK_RUN_TEXT_LIMIT);
    expect(fitted).toContain(
      "_Truncated to fit GitHub's limit of 65,535; the full report is in the workflow run._",
    );
    expect(fitted.match(/^```/gm)).toHaveLength(2);
  });
});

describe('check run and comment pieces', () => {
  it.each([
    ['GO', undefined, 'success'],
    ['NO-GO', undefined, 'failure'],
    ['CONDITIONAL', undefined, 'action_required'],
    ['CONDITIONAL', 'action_required', 'action_required'],
    ['CONDITIONAL', 'failure', 'failure'],
  ] as const)('%s → %s', (verdict, conditional, conclusion) => {
    expect(mapConclusion(verdict, conditional)).toBe(conclusion);
  });

  it('titles the check with both decisions, the requested one first', () => {
    const decisions = { rehearsal: { state: 'GO' }, cutover: { state: 'NO-GO' } };
    const title = (requested: string) =>
      renderCheckTitle({ decisions, decision_requested: requested } as never);
    expect(title('rehearsal')).toBe('Rehearsal GO · Cutover NO-GO');
    expect(title('cutover')).toBe('Cutover NO-GO · Rehearsal GO');
  });

  it('keys the comment marker by check name', () => {
    expect(commentMarker('Cutover checkpoint')).toBe(
      '<!-- cutover-checkpoint:gate=Cutover%20checkpoint -->',
    );
    expect(commentMarker('a --> b')).not.toContain('-->' + ' b');
  });

  it('matches the marker exactly, on the first line only', () => {
    const marker = commentMarker('Cutover');
    expect(hasCommentMarker(`${marker}\n### verdict`, marker)).toBe(true);
    expect(hasCommentMarker(`${marker}\r\n### verdict`, marker)).toBe(true);
    // Another gate whose check name extends this one's, and quotes of the marker, are not ours.
    expect(hasCommentMarker(`${commentMarker('Cutover checkpoint')}\nx`, marker)).toBe(false);
    expect(hasCommentMarker(`${commentMarker('Cutover-2')}\nx`, marker)).toBe(false);
    expect(hasCommentMarker(`quoting: ${marker}\nx`, marker)).toBe(false);
    expect(hasCommentMarker(`### verdict\n${marker}`, marker)).toBe(false);
    expect(hasCommentMarker(`${marker} trailing\nx`, marker)).toBe(false);
    expect(hasCommentMarker(null, marker)).toBe(false);
    // A name cannot be built to collide with another name's marker.
    expect(commentMarker('a -->\n<!-- cutover-checkpoint:gate=b')).not.toMatch(/-->.|\n/);
  });
});
