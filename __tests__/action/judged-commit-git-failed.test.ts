// The commit judged is the commit published: a git that fails reading HEAD (timed out, killed)
// confirms nothing, so the run publishes no verdict and says why (never "no HEAD, go on").
import { describe, expect, it } from 'vitest';
import type { JudgePlan } from '../../src/core/github/event-plan-types.js';
import { confirmJudgedCommit } from '../../src/core/github/judged-commit.js';
import { createGit } from '../../src/adapters/git.js';
import { planEvent } from '../../src/core/github/event-plan.js';

const HEAD = 'a'.repeat(40);
const plan = planEvent(
  'merge_group',
  { merge_group: { head_sha: HEAD, base_sha: 'b'.repeat(40) } },
  { sha: HEAD, repository: 'acme/x' },
) as JudgePlan;

describe('HEAD when git fails', () => {
  it('a git that timed out: HEAD is unavailable with the reason, and nothing is published', async () => {
    const head = await createGit('/nowhere', async () => ({
      kind: 'unavailable',
      reason: 'git cat-file did not answer within 15 s',
      stderr: '',
    })).headCommit();
    expect(head).toEqual({
      kind: 'unavailable',
      reason: 'git cat-file did not answer within 15 s',
    });
    const confirmed = confirmJudgedCommit(plan, head, HEAD);
    expect(confirmed.kind).toBe('wrong-commit');
    expect(confirmed.kind === 'wrong-commit' && confirmed.message).toContain(
      'git cat-file did not answer within 15 s',
    );
  });
});
