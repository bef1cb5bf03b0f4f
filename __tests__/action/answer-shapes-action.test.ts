// GitHub answers that are not what its REST description says (an empty object, null, a list that
// is not a list, a review without a login): the run neither crashes nor reads them as "nothing
// there". Lookups are unavailable with the reason (pending, never a pass); the publisher warns and
// goes on; a check run created without an id in the answer is found by its external id and
// completed, not left in progress for ever (outside audit).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../support/demo-repo.js';
import { FakeGitHub } from '../github/fake-github.js';
import { fixturePayload, runActionInProcess as runAction } from './run-action.js';

const ROOT = join(import.meta.dirname, '..', '..');
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const UNEXPECTED = 'is not what its API describes';
let repo: string;
let gh: FakeGitHub;

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'cc-answer-shapes-')), 'repo');
  buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), repo);
});
afterAll(() => rmSync(join(repo, '..'), { recursive: true, force: true }));
beforeEach(async () => {
  gh = await new FakeGitHub().start();
  gh.pullHeads.set(2, HEAD);
});
afterEach(async () => {
  await gh.stop();
});

async function run(decision: 'rehearsal' | 'cutover') {
  const result = await runAction({
    workspace: repo,
    apiUrl: gh.url,
    event: 'pull_request',
    payload: fixturePayload('pull_request.synchronize.json'),
    inputs: { decision },
  });
  expect(result.stdout).not.toContain('could not run');
  expect(result.stdout).not.toMatch(/TypeError|is not iterable|Cannot read properties/);
  const record = JSON.parse(readFileSync(result.outputs.record!, 'utf8')) as {
    checks: { id: string; status: string; details: string[] }[];
  };
  const check = (id: string) => record.checks.find((c) => c.id === id)!;
  const conclusions = gh.checkRunUpdates.flatMap((u) => (u.conclusion ? [u.conclusion] : []));
  return { result, check, conclusions };
}

const misshape = (method: string, path: RegExp, body: unknown, times = Infinity) =>
  gh.misshapes.push({ method, path, body: () => body, times });

describe('answers of the wrong shape', () => {
  it.each([
    ['an empty object', {}],
    ['null', null],
    ['an id of 0', { id: 0, html_url: 'https://github.example/x' }],
  ])('a check run created with %s as the answer is found and completed', async (_, body) => {
    misshape('POST', /\/check-runs$/, body, 1);
    const { result, conclusions } = await run('rehearsal');
    expect(result.outputs.verdict).toBe('GO');
    expect(gh.checkRuns.size).toBe(1);
    expect(conclusions).toEqual(['success']);
  });

  it.each([
    ['the comment list is an object', 'GET', /\/issues\/2\/comments$/, { message: 'ok' }],
    ['the comment list holds null', 'GET', /\/issues\/2\/comments$/, [null]],
    ['the pull request has no head', 'GET', /\/pulls\/2$/, {}],
  ])('%s: a warning, the verdict and check run stand', async (_, method, path, body) => {
    misshape(method, path, body);
    const { result, conclusions } = await run('rehearsal');
    expect(result.outputs.verdict).toBe('GO');
    expect(conclusions).toEqual(['success']);
    expect(result.stdout).toContain(UNEXPECTED);
  });

  it('a created comment answered with null is found by its body, not posted twice', async () => {
    misshape('POST', /\/issues\/2\/comments$/, null, 1);
    const { result } = await run('rehearsal');
    expect(result.outputs.verdict).toBe('GO');
    expect(gh.comments.get(2)).toHaveLength(1);
  });

  it.each([
    [
      'a review without a login',
      /\/pulls\/2\/reviews$/,
      [{ id: 1, user: { login: null }, state: 'APPROVED', commit_id: HEAD, html_url: 'x' }],
      'pull request reviews',
    ],
    ['reviews that are not a list', /\/pulls\/2\/reviews$/, { x: 1 }, 'pull request reviews'],
    ['run approvals that are an object', /\/approvals$/, { x: 1 }, 'run approvals'],
    [
      'a run approval without a user',
      /\/approvals$/,
      [{ user: null, state: 'approved', environments: [{ name: 'prod' }], comment: '' }],
      'run approvals',
    ],
  ])('%s: the sign-off is not verified through GitHub, with the reason', async (...row) => {
    const [, path, body, source] = row;
    misshape('GET', path, body);
    const { result, check } = await run('cutover');
    expect(result.outputs.cutover).not.toBe('GO');
    const joint = check('joint-decision.cutover');
    expect(joint.status).not.toBe('pass');
    expect(joint.details.join('\n')).toMatch(
      new RegExp(`not verified through GitHub: ${source}: .*${UNEXPECTED}`),
    );
  });
});
