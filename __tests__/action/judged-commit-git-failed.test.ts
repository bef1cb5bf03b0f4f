// The commit judged is the commit published: when git itself fails reading HEAD (timed out,
// killed) the run confirms nothing and publishes no verdict; only a workspace with no git or no
// repository (files fetched another way) goes on with a warning, as before.
import { describe, expect, it } from 'vitest';
import { confirmJudgedCommit, type JudgePlan } from '../../src/action/judged-commit.js';
import type { GitResult } from '../../src/adapters/git-exec.js';
import { createGit } from '../../src/adapters/git.js';
import { planEvent } from '../../src/core/github/event-plan.js';

const HEAD = 'a'.repeat(40);
const plan = planEvent(
  'merge_group',
  { merge_group: { head_sha: HEAD, base_sha: 'b'.repeat(40) } },
  { sha: HEAD, repository: 'acme/x' },
) as JudgePlan;

/** A git port whose every command ends as `result`. */
const gitAnswering = (result: GitResult) => createGit('/nowhere', async () => result);

describe('HEAD when git fails', () => {
  it('a git that timed out: HEAD is unknown (failed), and the run publishes nothing', async () => {
    const head = await gitAnswering({
      kind: 'unavailable',
      reason: 'git cat-file did not answer within 15 s',
      stderr: '',
      absent: false,
    }).headCommit();
    expect(head).toEqual({
      kind: 'unavailable',
      reason: 'git cat-file did not answer within 15 s',
      failed: true,
    });
    expect(confirmJudgedCommit(plan, head, HEAD)).toEqual({
      kind: 'wrong-commit',
      message: `cutover-checkpoint: cannot confirm that the workspace holds ${HEAD}, the commit this merge_group event is about: git cat-file did not answer within 15 s`,
    });
  });

  it('no repository: the event’s commit is trusted with a warning (unchanged)', async () => {
    const head = await gitAnswering({
      kind: 'unavailable',
      reason: '/w is not a git repository (fatal: not a git repository)',
      stderr: 'fatal: not a git repository',
      absent: true,
    }).headCommit();
    expect(head).not.toHaveProperty('failed');
    const confirmed = confirmJudgedCommit(plan, head, HEAD);
    expect(confirmed).toMatchObject({ kind: 'confirmed', headSha: null, subjectSha: HEAD });
    expect(confirmed.kind === 'confirmed' && confirmed.warning).toContain('could not read');
  });
});
