// The trusted-ref resolver (SPEC §10 table) with fake git facts.
import { describe, expect, it } from 'vitest';
import { resolveTrustedRef, type TrustedRefFacts } from '../../src/app/trusted-ref.js';
import { planEvent } from '../../src/core/github/event-plan.js';
import { couldNot, ok } from '../../src/core/outcome.js';

const s = (c: string) => c.repeat(40);
const HEAD = s('1');
const TIP = s('2');
const BASE = s('3');
const FIRST = s('4');
const PR_HEAD = s('5');

interface World {
  parents?: string[];
  tip?: string | null;
  ancestor?: boolean | null;
  runner?: { ref: string | null; sha: string };
}
function facts(world: World): TrustedRefFacts & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    runner: world.runner ?? { ref: 'refs/heads/feature', sha: HEAD },
    head: async () => ok({ sha: HEAD, parents: world.parents ?? [s('9')] }),
    defaultTip: async (branch) => {
      asked.push(`tip:${branch}`);
      const tip = world.tip === undefined ? TIP : world.tip;
      return tip === null ? couldNot('the API answered 404 (Branch not found)') : ok(tip);
    },
    isAncestor: async () =>
      world.ancestor === null ? couldNot('shallow') : ok(world.ancestor ?? false),
  };
}
const repository = { default_branch: 'main', full_name: 'o/r' };
const pr = {
  number: 1,
  head: { sha: PR_HEAD, ref: 'f', repo: { full_name: 'o/r' } },
  base: { sha: BASE, ref: 'main', repo: { full_name: 'o/r' } },
};
const env = { sha: HEAD, repository: 'o/r' };

const cases: {
  name: string;
  event: string;
  payload: Record<string, unknown>;
  world: World;
  want: string | RegExp;
}[] = [
  {
    name: 'pull_request: merge first parent',
    event: 'pull_request',
    payload: { action: 'synchronize', pull_request: pr, repository },
    world: { parents: [FIRST, PR_HEAD] },
    want: FIRST,
  },
  {
    name: 'pull_request: HEAD not a merge → payload base',
    event: 'pull_request',
    payload: { action: 'synchronize', pull_request: pr, repository },
    world: { parents: [BASE] },
    want: BASE,
  },
  {
    name: 'pull_request_target: payload base',
    event: 'pull_request_target',
    payload: { action: 'synchronize', pull_request: pr, repository },
    world: {},
    want: BASE,
  },
  {
    name: 'merge_group: base_sha',
    event: 'merge_group',
    payload: { merge_group: { head_sha: HEAD, base_sha: BASE }, repository },
    world: {},
    want: BASE,
  },
  {
    name: 'push on the default branch (runner says so): HEAD',
    event: 'push',
    payload: { after: HEAD, ref: 'refs/heads/main', repository },
    world: { runner: { ref: 'refs/heads/main', sha: HEAD } },
    want: HEAD,
  },
  {
    name: 'push: HEAD is the default tip',
    event: 'push',
    payload: { after: HEAD, ref: 'refs/heads/x', repository },
    world: { tip: HEAD },
    want: HEAD,
  },
  {
    name: 'push: HEAD is an ancestor of the tip',
    event: 'push',
    payload: { after: HEAD, ref: 'refs/heads/x', repository },
    world: { ancestor: true },
    want: HEAD,
  },
  {
    name: 'push on a branch: the default tip',
    event: 'push',
    payload: { after: HEAD, ref: 'refs/heads/x', repository },
    world: { ancestor: false },
    want: TIP,
  },
  {
    name: 'push, shallow (ancestry unknown): the default tip',
    event: 'push',
    payload: { after: HEAD, ref: 'refs/heads/x', repository },
    world: { ancestor: null },
    want: TIP,
  },
  {
    name: 'push, tip unknown: unknown',
    event: 'push',
    payload: { after: HEAD, ref: 'refs/heads/x', repository },
    world: { tip: null },
    // What the lookup said is in the reason (it was a generic sentence).
    want: /default branch 'main' is not in this clone and could not be looked up \(the API answered 404 \(Branch not found\)\)/,
  },
  {
    name: 'workflow_dispatch on a branch: the default tip',
    event: 'workflow_dispatch',
    payload: { ref: 'refs/heads/x', repository },
    world: {},
    want: TIP,
  },
  {
    name: 'an event with no row: unknown',
    event: 'issue_comment',
    payload: { repository },
    world: {},
    want: /./,
  },
];

describe('resolveTrustedRef', () => {
  it("HEAD git cannot read is unknown, with git's reason", async () => {
    const world = facts({});
    const answer = await resolveTrustedRef(
      planEvent('push', { after: HEAD, ref: 'refs/heads/x', repository }, env),
      {
        ...world,
        head: async () => couldNot('git rev-parse failed (exit 128: fatal: bad object HEAD)'),
      },
    );
    expect(answer).toEqual({
      kind: 'unavailable',
      reason: 'cannot read HEAD: git rev-parse failed (exit 128: fatal: bad object HEAD)',
    });
  });

  for (const c of cases)
    it(c.name, async () => {
      const answer = await resolveTrustedRef(planEvent(c.event, c.payload, env), facts(c.world));
      if (typeof c.want === 'string') expect(answer).toEqual({ kind: 'ref', ref: c.want });
      else {
        expect(answer.kind).toBe('unavailable');
        expect(answer.kind === 'unavailable' && answer.reason).toMatch(c.want);
      }
    });
});
