import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planEvent, type EventPlan } from '../../src/core/github/event-plan.js';
import { checkJudgedCommit, resolveTrustedSha } from '../../src/core/github/judged-commit.js';

// Real webhook payloads (@octokit/webhooks-examples), keyed <event>.<action>.<index>.
const EXAMPLES = JSON.parse(
  readFileSync(new URL('../github/fixtures/webhooks/examples.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, unknown>>;

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

function judge(plan: EventPlan): Extract<EventPlan, { kind: 'judge' }> {
  if (plan.kind !== 'judge') throw new Error(`expected a judge plan, got skip: ${plan.reason}`);
  return plan;
}

function eventOf(key: string): string {
  return key.split('.')[0]!;
}

describe('planEvent on every real payload', () => {
  const env = { sha: A, repository: 'Codertocat/Hello-World' };
  for (const [key, payload] of Object.entries(EXAMPLES)) {
    it(`${key}: plans without throwing and never targets a zero sha`, () => {
      const plan = planEvent(eventOf(key), payload, env);
      if (plan.kind === 'judge') {
        expect(plan.subjectSha ?? A).toMatch(/^[0-9a-f]{40}$/);
        expect(plan.subjectSha ?? A).not.toMatch(/^0{40}$/);
      } else expect(plan.reason.length).toBeGreaterThan(10);
    });
  }

  it('judges each pull_request head, and skips closed unmerged ones', () => {
    for (const [key, payload] of Object.entries(EXAMPLES).filter(([k]) =>
      k.startsWith('pull_request.'),
    )) {
      const pr = payload.pull_request as { head: { sha: string }; merged: boolean };
      const plan = planEvent('pull_request', payload, env);
      if (payload.action === 'closed' && !pr.merged) expect(plan.kind, key).toBe('skip');
      else if (payload.action !== 'closed') {
        expect(judge(plan).subjectSha, key).toBe(pr.head.sha);
        expect(judge(plan).head).toEqual({ kind: 'merge-of', headSha: pr.head.sha });
      }
    }
  });

  it('skips branch deletions (after all zeros)', () => {
    const deletions = Object.entries(EXAMPLES).filter(
      ([k, p]) => k.startsWith('push.') && /^0+$/.test(String(p.after)),
    );
    expect(deletions.length).toBeGreaterThan(0);
    for (const [, payload] of deletions) expect(planEvent('push', payload, env).kind).toBe('skip');
  });

  it('puts a re-run on check_suite.head_sha, not the default branch tip', () => {
    for (const key of ['check_suite.rerequested.7', 'check_run.rerequested.7']) {
      const payload = EXAMPLES[key]!;
      const suite =
        (payload.check_suite as { head_sha: string } | undefined) ??
        (payload.check_run as { check_suite: { head_sha: string } }).check_suite;
      expect(judge(planEvent(eventOf(key), payload, env)).subjectSha).toBe(suite.head_sha);
    }
    expect(planEvent('check_suite', EXAMPLES['check_suite.completed.0']!, env).kind).toBe('skip');
    // A suite whose PR the payload lists at another head: held to the suite's commit.
    const moved = structuredClone(EXAMPLES['check_suite.rerequested.7']!) as {
      check_suite: { head_sha: string; pull_requests: { head: { sha: string } }[] };
    };
    moved.check_suite.pull_requests[0]!.head.sha = C;
    const plan = judge(planEvent('check_suite', moved, env));
    expect(plan.pullRequest?.headSha).toBe(moved.check_suite.head_sha);
  });

  it('judges workflow_run.head_sha and runs no commands for a run from another repository', () => {
    // The real payloads all come from the same repository; a fork's run differs in head_repository.
    const real = EXAMPLES['workflow_run.completed.1']!;
    const run = real.workflow_run as Record<string, unknown>;
    const fromFork = {
      ...real,
      workflow_run: {
        ...run,
        head_repository: { full_name: 'attacker/octo-repo' },
        pull_requests: [],
      },
    };
    const plan = judge(planEvent('workflow_run', fromFork, env));
    expect(plan.subjectSha).toBe(run.head_sha);
    expect(plan.runCommands).toBe(false);
    expect(plan.notRunReason).toMatch(/fork/);
    expect(plan.lookUpPullRequest).toBe(true);
    const sameRepo = judge(planEvent('workflow_run', EXAMPLES['workflow_run.completed.2']!, env));
    expect(sameRepo.runCommands).toBe(true);
    expect(sameRepo.pullRequest?.number).toBeGreaterThan(0);
    // That real payload lists its PR at another head (ec26c3e) than the run's (3484a3f): the PR's
    // approvals must be of the commit judged.
    const listed = (EXAMPLES['workflow_run.completed.2']!.workflow_run as Record<string, unknown>)
      .pull_requests as { head: { sha: string } }[];
    expect(listed[0]!.head.sha).not.toBe(sameRepo.subjectSha);
    expect(sameRepo.pullRequest?.headSha).toBe(sameRepo.subjectSha);
    expect(sameRepo.lookUpPullRequest).toBe(false);
  });

  it('skips issue_comment and other events with the list of events it judges', () => {
    const plan = planEvent('issue_comment', EXAMPLES['issue_comment.created.0']!, env);
    expect(plan.kind).toBe('skip');
    expect(plan.kind === 'skip' && plan.reason).toMatch(/pull_request_target/);
  });
});

describe('planEvent table', () => {
  const pr = (extra: Record<string, unknown> = {}) => ({
    action: 'synchronize',
    pull_request: {
      number: 7,
      head: { sha: B, repo: { full_name: 'fork/repo' } },
      base: { sha: C, repo: { full_name: 'o/r' } },
      ...extra,
    },
    repository: { default_branch: 'main', full_name: 'o/r' },
  });
  const env = { sha: A, repository: 'o/r' };

  it.each([
    ['pull_request', pr(), { subject: B, commands: true, fork: true }],
    ['pull_request_target', pr(), { subject: B, commands: false, fork: true }],
  ])('%s', (event, payload, want) => {
    const plan = judge(planEvent(event, payload, env));
    expect(plan.subjectSha).toBe(want.subject);
    expect(plan.runCommands).toBe(want.commands);
    expect(plan.pullRequest?.fork).toBe(want.fork);
  });

  it('judges a merged PR as the push of its merge commit', () => {
    const plan = judge(
      planEvent(
        'pull_request',
        { ...pr({ merged: true, merge_commit_sha: A }), action: 'closed' },
        env,
      ),
    );
    expect(plan.head).toEqual({ kind: 'equals', sha: A });
    expect(plan.runCommands).toBe(true);
    // pull_request_target runs no command, merged or not (SPEC §10 table: never).
    const target = judge(
      planEvent(
        'pull_request_target',
        { ...pr({ merged: true, merge_commit_sha: A }), action: 'closed' },
        env,
      ),
    );
    expect(target.head).toEqual({ kind: 'equals', sha: A });
    expect(target.runCommands).toBe(false);
    expect(target.notRunReason).toMatch(/pull_request_target runs no verification commands/);
  });

  it('merge_group trusts base_sha', () => {
    const plan = judge(
      planEvent('merge_group', { merge_group: { head_sha: A, base_sha: C } }, env),
    );
    expect(plan.trustedRef).toEqual({ kind: 'sha', sha: C });
  });

  it('rejects malformed shas and PR numbers from the payload', () => {
    expect(planEvent('merge_group', { merge_group: { head_sha: '0' } }, env).kind).toBe('skip');
    expect(
      planEvent('pull_request', { pull_request: { number: '7', head: { sha: B } } }, env).kind,
    ).toBe('skip');
  });
});

describe('checkJudgedCommit', () => {
  const env = { sha: A, repository: 'o/r' };
  const prPayload = {
    pull_request: { number: 1, head: { sha: B }, base: { sha: C } },
  };

  it('accepts the merge commit of the PR head or the head itself on pull_request', () => {
    const plan = judge(planEvent('pull_request', prPayload, env));
    expect(checkJudgedCommit(plan, { sha: A, parents: [C, B] })).toBeNull();
    expect(checkJudgedCommit(plan, { sha: B, parents: [C] })).toBeNull();
    expect(checkJudgedCommit(plan, { sha: C, parents: [] })).toMatch(
      new RegExp(`holds ${C}.*second parent is ${B}.*actions/checkout`),
    );
  });

  it('refuses the base checked out on pull_request_target, naming both shas and the fix', () => {
    const plan = judge(planEvent('pull_request_target', prPayload, env));
    const message = checkJudgedCommit(plan, { sha: C, parents: [] });
    expect(message).toContain(C);
    expect(message).toContain(B);
    expect(message).toContain('github.event.pull_request.head.sha');
  });

  it("resolves the trusted sha: the first parent of the PR head's merge commit, else the payload base", () => {
    const plan = judge(planEvent('pull_request', prPayload, env));
    expect(resolveTrustedSha(plan, { sha: A, parents: [A.replace('a', 'd'), B] })).toBe(
      A.replace('a', 'd'),
    );
    expect(resolveTrustedSha(plan, { sha: B, parents: [C] })).toBe(C);
    // The PR head checked out, itself a merge ("Update branch"): its first parent is the PR's own
    // commit, never trusted; the payload's base is.
    const own = 'e'.repeat(40);
    expect(resolveTrustedSha(plan, { sha: B, parents: [own, A] })).toBe(C);
    // Two parents, but the second is not the PR head: not GitHub's merge commit of it.
    expect(resolveTrustedSha(plan, { sha: A, parents: [own, 'f'.repeat(40)] })).toBe(C);
    const push = judge(
      planEvent('push', { after: A, repository: { default_branch: 'main' } }, env),
    );
    expect(resolveTrustedSha(push, { sha: A, parents: [] })).toEqual({ defaultBranch: 'main' });
  });
});
