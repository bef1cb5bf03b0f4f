// SPEC §5: after any run exactly one marker comment per gate and PR, showing the newest judged
// commit's verdict and naming that commit; the gate's login is learnt, never guessed from the token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../support/demo-repo.js';
import { fakeGitHubPerTest, type FakeGitHub } from '../github/fake-github.js';
import { judgedCommitLine, readJudgedCommit } from '../../src/core/github/sticky-comment-plan.js';
import { gitWorkspace } from './git-workspace.js';
import { fixturePayload, runActionInProcess, type ActionRunOptions } from './run-action.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MARKER = '<!-- cutover-checkpoint:gate=Cutover%20checkpoint -->';
const OLD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const NEW = '0123456789abcdef0123456789abcdef01234567';
let repo: string;
/** In process; on the demo repository, which no test here changes, git answers each question once. */
const runAction = (options: ActionRunOptions) =>
  runActionInProcess({ ...options, fixedWorkspace: options.workspace === repo });
let gh: FakeGitHub;

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'cc-sticky-')), 'repo');
  buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), repo);
});
afterAll(() => rmSync(join(repo, '..'), { recursive: true, force: true }));
fakeGitHubPerTest((started) => (gh = started));

/** The pull_request run on PR #2 whose head is `sha`. */
const onHead = (sha: string) => {
  const payload = fixturePayload('pull_request.synchronize.json') as {
    pull_request: { head: { sha: string } };
  };
  payload.pull_request.head.sha = sha;
  return runAction({ workspace: repo, apiUrl: gh.url, event: 'pull_request', payload });
};
const markerComments = () =>
  (gh.comments.get(2) ?? []).filter((c) => c.body.split('\n')[0] === MARKER);

describe('the sticky comment', () => {
  it('two overlapping runs on the same PR end with one marker comment naming the newer commit', async () => {
    gh.pullHeads.set(2, NEW);
    // Both list the comments before either writes (the server holds the listings until both came).
    const bothListed = gh.barrier('GET', /\/issues\/2\/comments$/, 2);
    const [older, newer] = await Promise.all([onHead(OLD), onHead(NEW)]);
    expect(await bothListed).toBe(true);
    expect(older.status, older.stdout).toBe(0);
    expect(newer.status, newer.stdout).toBe(0);
    expect(markerComments()).toHaveLength(1);
    expect(readJudgedCommit(markerComments()[0]!.body)).toBe(NEW);
    expect(markerComments()[0]!.body).toContain(`Judged commit: \`${NEW.slice(0, 7)}\``);

    // The older commit's run, again, afterwards: it leaves the newer verdict alone and says so.
    const late = await onHead(OLD);
    expect(late.stdout).toContain('left the PR comment alone');
    expect(markerComments()).toHaveLength(1);
    expect(readJudgedCommit(markerComments()[0]!.body)).toBe(NEW);
  });

  it('two overlapping runs of the same commit that both find no comment end with one', async () => {
    // Both runs list the comments before either creates one (the server holds the first two
    // listings until both have arrived): both create, and each run's re-check collapses the copies.
    gh.pullHeads.set(2, NEW);
    const bothListed = gh.barrier('GET', /\/issues\/2\/comments$/, 2);
    const runs = await Promise.all([onHead(NEW), onHead(NEW)]);
    expect(await bothListed).toBe(true);
    for (const run of runs) {
      expect(run.status, run.stdout).toBe(0);
      expect(run.stdout.split('\n').filter((l) => l.startsWith('::warning'))).toEqual([]);
    }
    const creates = gh.requests.filter(
      (r) => r.operation === 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    );
    expect(creates).toHaveLength(2);
    expect(markerComments()).toHaveLength(1);
    expect(readJudgedCommit(markerComments()[0]!.body)).toBe(NEW);
    // Both runs report the comment that stayed.
    expect(runs.map((r) => r.outputs['comment-id'])).toEqual([
      String(markerComments()[0]!.id),
      String(markerComments()[0]!.id),
    ]);
  });

  it('duplicates left by a race are collapsed onto the oldest, which shows the new verdict', async () => {
    gh.pullHeads.set(2, NEW);
    gh.seedComments(
      2,
      3,
      'github-actions[bot]',
      (i) => `${MARKER}\nverdict ${i}\n${judgedCommitLine(OLD)}`,
    );
    gh.seedComments(2, 1, 'someone', () => `${MARKER}\nnot ours`);
    const oldest = markerComments()[0]!.id;
    const run = await onHead(NEW);
    expect(run.status, run.stdout).toBe(0);
    const ours = markerComments().filter((c) => c.login === 'github-actions[bot]');
    expect(ours.map((c) => c.id)).toEqual([oldest]);
    expect(readJudgedCommit(ours[0]!.body)).toBe(NEW);
    // Someone else's comment that quotes the marker is never touched.
    expect(markerComments().filter((c) => c.login === 'someone')).toHaveLength(1);
    expect(
      gh.requests
        .filter((r) => r.operation.startsWith('DELETE'))
        .map((r) => r.path.split('/').pop()),
    ).toHaveLength(2);
  });

  it('a head it cannot read does not stop the comment, and is said', async () => {
    // GET /pulls/2 answers 404 (no head set): the comment names its commit, so it is still
    // written; the warning says it was not checked against a newer one.
    const run = await onHead(OLD);
    expect(run.status, run.stdout).toBe(0);
    expect(markerComments()).toHaveLength(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::warning'))).toEqual([
      expect.stringMatching(
        /^::warning::cutover-checkpoint could not check the head of pull request #2: the token cannot read pull request #2 \(HTTP 404; needs `pull-requests: read`\); its comment was written without checking whether it held a newer commit's verdict$/,
      ),
    ]);
  });

  it('a verdict too long for a comment is cut so that the whole body, judged commit included, fits', async () => {
    // Three failing commands whose summaries quote their 25,000-character scripts: the verdict
    // cannot fit even at its least detail and is cut, and the lines naming the commit still fit.
    const commands = [1, 2, 3]
      .map((i) => `  - {id: long-${i}, run: ': ${'x'.repeat(25_000)}; exit 1'}`)
      .join('\n');
    const dir = gitWorkspace({
      '.github/cutover-checkpoint.yml': `version: 1\ngate: {name: long}\ncommands:\n${commands}\n`,
    });
    try {
      gh.pullHeads.set(2, OLD);
      const payload = fixturePayload('pull_request.synchronize.json');
      const run = await runAction({
        workspace: dir,
        apiUrl: gh.url,
        event: 'pull_request',
        payload,
      });
      expect(run.status).toBe(1);
      expect(run.stdout.split('\n').filter((line) => line.startsWith('::warning'))).toEqual([]);
      const body = markerComments()[0]!.body;
      expect(body.length).toBeGreaterThan(65_000);
      expect(body.length).toBeLessThanOrEqual(65_536);
      expect(body).toContain("_Truncated to fit GitHub's limit of");
      expect(body).toContain(`Judged commit: \`${OLD.slice(0, 7)}\``);
      expect(readJudgedCommit(body)).toBe(OLD);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const viewer of ['my-app[bot]', null] as const) {
    it(`an app token (bot my-app[bot], no checks: write, GraphQL viewer ${String(viewer)}) keeps one comment over several runs`, async () => {
      gh.appSlug = 'my-app';
      gh.viewerLogin = viewer;
      gh.faults.push({
        method: 'POST',
        path: /check-runs$/,
        status: 403,
        message: 'Resource not accessible by integration',
        times: Infinity,
      });
      for (let i = 0; i < 3; i++) {
        const run = await onHead(OLD);
        expect(run.status, run.stdout).toBe(0);
      }
      expect(markerComments()).toHaveLength(1);
      expect(markerComments()[0]!.login).toBe('my-app[bot]');
      expect(gh.requests.map((r) => r.operation)).not.toContain('GET /user');
    });
  }
});
