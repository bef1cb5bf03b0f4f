// Every real webhook payload of @octokit/webhooks-examples (push, pull_request — also run as
// pull_request_target —, merge_group, workflow_run, workflow_dispatch, check_suite, check_run,
// issue_comment) through the Action's composition root, checked out the way the SPEC §10 table
// says, against the OpenAPI-validated local GitHub. The expectations are written from the table
// here, not taken from the event plan: what is skipped, which commit the check run goes on, which
// PR gets the comment, whether commands run, and that the exit code matches the verdict.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectConforming, FakeGitHub } from '../github/fake-github.js';
import { gitWorkspace } from './git-workspace.js';
import { runActionInProcess as runAction } from './run-action.js';
import { headSha } from '../support/git-head.js';

const ROOT = join(import.meta.dirname, '..', '..');
type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const EXAMPLES = JSON.parse(
  readFileSync(join(ROOT, '__tests__/github/fixtures/webhooks/examples.json'), 'utf8'),
) as Record<string, Payload>;
const CONFIG =
  "version: 1\ngate: {name: payloads}\ncommands:\n  - {id: probe, run: 'test -d . && echo 1 passed, 0 failed'}\n";
const ZERO = /^0+$/;
const MERGE = 'f'.repeat(40);

/** What the SPEC §10 table says a run on this payload does; null: skip with a notice. */
function expectationOf(
  event: string,
  p: Payload,
  head: string,
): { subject: string; judged: string; pr: number | null; commands: boolean } | null {
  switch (event) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = p.pull_request;
      if (p.action === 'closed')
        return pr.merged
          ? {
              subject: pr.merge_commit_sha,
              judged: pr.merge_commit_sha,
              pr: pr.number,
              commands: true,
            }
          : null;
      return event === 'pull_request'
        ? { subject: pr.head.sha, judged: MERGE, pr: pr.number, commands: true }
        : { subject: pr.head.sha, judged: pr.head.sha, pr: pr.number, commands: false };
    }
    case 'push':
      return p.deleted || ZERO.test(p.after)
        ? null
        : { subject: p.after, judged: p.after, pr: null, commands: true };
    case 'merge_group':
      return {
        subject: p.merge_group.head_sha,
        judged: p.merge_group.head_sha,
        pr: null,
        commands: true,
      };
    case 'workflow_dispatch':
      return { subject: head, judged: head, pr: null, commands: true };
    case 'workflow_run': {
      const run = p.workflow_run;
      return {
        subject: run.head_sha,
        judged: run.head_sha,
        pr: run.pull_requests[0]?.number ?? null,
        commands: run.head_repository.full_name === run.repository.full_name,
      };
    }
    case 'check_suite':
    case 'check_run': {
      if (p.action !== 'rerequested') return null;
      const suite = event === 'check_suite' ? p.check_suite : p.check_run.check_suite;
      // A re-run refreshes the check on its suite's commit; the PR comment is left to PR runs.
      return { subject: suite.head_sha, judged: suite.head_sha, pr: null, commands: true };
    }
    default:
      return null;
  }
}

const RUNS = [
  ...Object.entries(EXAMPLES).map(([key, payload]) => ({
    key,
    event: key.split('.')[0]!,
    payload,
  })),
  ...Object.entries(EXAMPLES)
    .filter(([key]) => key.startsWith('pull_request.'))
    .map(([key, payload]) => ({ key, event: 'pull_request_target', payload })),
];

let dir: string;
let head: string;
let gh: FakeGitHub;

beforeAll(() => {
  dir = gitWorkspace({ '.github/cutover-checkpoint.yml': CONFIG });
  head = headSha(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  gh = await new FakeGitHub().start();
  // The policy is the same at every trusted ref, and the default branches end at this HEAD.
  gh.contentsAtAnyRef.set('.github/cutover-checkpoint.yml', CONFIG);
  for (const branch of ['main', 'master']) gh.branchTips.set(branch, head);
});
afterEach(async () => {
  expectConforming(gh);
  await gh.stop();
});

describe('every real webhook payload through the Action', () => {
  it('covers the events named in the issue', () => {
    const events = new Set(RUNS.map((r) => r.event));
    for (const event of [
      'push',
      'pull_request',
      'pull_request_target',
      'merge_group',
      'workflow_run',
      'workflow_dispatch',
      'check_suite',
      'check_run',
      'issue_comment',
    ])
      expect(events).toContain(event);
    expect(RUNS.length).toBeGreaterThan(90);
  });

  for (const { key, event, payload } of RUNS) {
    it(`${event} ${key}`, async () => {
      const expected = expectationOf(event, payload, head);
      // The runs share one workspace no run changes: git is asked each question once.
      const run = await runAction({
        workspace: dir,
        apiUrl: gh.url,
        event,
        payload,
        fixedWorkspace: true,
      });
      const verdict = run.outputs.verdict ?? '';
      expect(run.status, run.stdout).toBe(verdict === 'NO-GO' ? 1 : 0);
      // What index.ts is told (a skipped event reached no verdict: it writes no code cache).
      expect(run.judged).toBe(expected !== null);
      if (!expected) {
        expect(run.stdout).toMatch(/^::notice::cutover-checkpoint skipped this \w+ event: /m);
        expect(gh.requests).toEqual([]);
        expect(verdict).toBe('');
        expect(run.stdout).not.toContain('▶');
        return;
      }
      // Commands run only where the table allows; without them a decision is at best CONDITIONAL.
      expect(verdict, run.stdout).toBe(expected.commands ? 'GO' : 'CONDITIONAL');
      expect(run.stdout.includes('▶ probe')).toBe(expected.commands);
      // The check run is created and completed on the event's commit, never a zero sha.
      const created = gh.requests.filter(
        (r) => r.operation === 'POST /repos/{owner}/{repo}/check-runs',
      );
      expect(created.map((r) => (r.body as { head_sha: string }).head_sha)).toEqual([
        expected.subject,
      ]);
      expect(expected.subject).toMatch(/^[0-9a-f]{40}$/);
      expect(expected.subject).not.toMatch(ZERO);
      expect(gh.checkRunUpdates.at(-1)).toMatchObject({ status: 'completed' });
      // The comment goes to the PR the event names, and nowhere else.
      expect([...gh.comments.keys()]).toEqual(expected.pr === null ? [] : [expected.pr]);
      // The record names the commit judged (HEAD) and the one the event is about.
      const record = JSON.parse(readFileSync(run.outputs.record!, 'utf8')) as {
        context: { head_sha: string; subject_sha: string; sha: string };
      };
      expect(record.context).toMatchObject({
        head_sha: expected.judged,
        subject_sha: expected.subject,
        sha: expected.subject,
      });
    });
  }
});
