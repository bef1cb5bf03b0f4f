// Through the Action's composition root (in-process; the bundle's wiring is dist-smoke's job)
// against the local fake GitHub: a joint record holding HTML, a mention, a copy of the marker and
// a forged heading reaches the PR comment, the check run and the job summary as text; and two
// gates whose check names share a prefix each keep their own sticky comment.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../support/demo-repo.js';
import { FakeGitHub } from '../github/fake-github.js';
import { runActionInProcess as runAction } from '../action/run-action.js';
import { commentMarker } from '../../src/core/render/github/comment.js';
import { shapeOf } from './markdown-structure.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ATTACK =
  '</details> <img src=x onerror=alert(1)> @acme/security-team <!-- cutover-checkpoint:gate=Cutover -->';
let repo: string;
let gh: FakeGitHub;

beforeAll(() => {
  const source = mkdtempSync(join(tmpdir(), 'cc-inject-src-'));
  cpSync(join(ROOT, 'examples', 'service-v3-cutover'), source, { recursive: true });
  const path = join(source, 'docs/implementation/JOINT_DECISION_RECORD.json');
  const record = JSON.parse(readFileSync(path, 'utf8'));
  record.decisions.rehearsal.producer.signed_by = '\n\n# ✅ Runtime cutover: GO';
  record.residual_risks = [ATTACK];
  writeFileSync(path, JSON.stringify(record, null, 2));
  repo = join(mkdtempSync(join(tmpdir(), 'cc-inject-')), 'repo');
  buildDemoRepo(source, repo);
  rmSync(source, { recursive: true, force: true });
});
afterAll(() => rmSync(join(repo, '..'), { recursive: true, force: true }));
beforeEach(async () => {
  gh = await new FakeGitHub().start();
});
afterEach(async () => {
  await gh.stop();
});

const onPullRequest = (checkName: string) =>
  runAction({
    workspace: repo,
    apiUrl: gh.url,
    event: 'pull_request',
    payload: 'pull_request.synchronize.json',
    sha: 'd'.repeat(40),
    inputs: { 'check-name': checkName },
  });

/** No raw HTML but our own, no linkable mention, no hidden line but our marker. */
function expectInert(markdown: string): void {
  const shape = shapeOf(markdown);
  for (const html of shape.html)
    expect(html).toMatch(
      /^(<\/details>|<details><summary>Output tail of <code>[^<>]*<\/code><\/summary>|<details><summary>✅ \d+ passing checks?<\/summary>|<!-- cutover-checkpoint:gate=[^<>]* -->|<!-- cutover-checkpoint:commit=[0-9a-f]{40} -->)$/,
    );
  expect(shape.texts.join('\n')).not.toMatch(/@[a-z]/i);
  expect(markdown).not.toContain('<img');
  expect(shape.structure.filter((s) => s === 'heading:1').length).toBeLessThanOrEqual(1);
}

describe('untrusted joint-record values through the Action', () => {
  it('reach the comment, check run and job summary as text', async () => {
    const run = await onPullRequest('Cutover checkpoint');
    // NO-GO: the joint record's rehearsal is unsigned; the hostile values only travel as text.
    expect(run.status, run.stdout).toBe(1);
    const comment = gh.comments.get(2)![0]!;
    expectInert(comment.body);
    const output = gh.checkRunUpdates.at(-1)!.output as { summary: string; text: string };
    expectInert(output.summary);
    expectInert(output.text);
    expect(output.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expectInert(run.summary);
    // The only hidden lines are the comment's own: its marker first, the judged commit last.
    const hidden = comment.body.split('\n').filter((line) => line.includes('<!--'));
    expect(hidden).toHaveLength(2);
    expect(hidden[0]).toBe(commentMarker('Cutover checkpoint'));
    expect(hidden[1]).toMatch(/^<!-- cutover-checkpoint:commit=[0-9a-f]{40} -->$/);
    expect(comment.body.trimEnd().endsWith(hidden[1]!)).toBe(true);
  });

  it('two gates whose check names share a prefix keep one comment each', async () => {
    await onPullRequest('Cutover');
    await onPullRequest('Cutover checkpoint');
    await onPullRequest('Cutover');
    const bodies = gh.comments.get(2)!.map((c) => c.body.split('\n')[0]);
    expect(bodies.sort()).toEqual(
      [commentMarker('Cutover'), commentMarker('Cutover checkpoint')].sort(),
    );
  });
});
