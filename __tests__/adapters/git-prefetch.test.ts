// The start-up prefetch (issue 10): git questions asked at process start are answered once, to the
// same question in the same directory; everything else runs as it would have.
import { describe, expect, it } from 'vitest';

import type { GitResult } from '../../src/adapters/git-exec.js';

type OkGit = Extract<GitResult, { kind: 'ok' }>;

/** What git printed; undefined when it could not run at all. */
async function stdoutOf(result: Promise<GitResult>): Promise<string | undefined> {
  const answer = await result;
  return answer.kind === 'unavailable' ? undefined : answer.stdout;
}
import { HEAD_QUESTIONS, INSPECT_QUESTIONS, prefetchGit } from '../../src/adapters/git-prefetch.js';
import { createGit } from '../../src/adapters/git.js';
import { SILENT_EXIT_1 } from '../../src/adapters/git-no.js';
import { createTrustedRefFacts } from '../../src/adapters/trusted-ref.js';

function fakeGit() {
  const calls: string[] = [];
  const run = (cwd: string, args: string[]): Promise<OkGit> => {
    calls.push(`${cwd}: ${args.join(' ')}`);
    return Promise.resolve({
      kind: 'ok',
      stdout: `#${calls.length}`,
      stderr: '',
      bytes: Buffer.alloc(0),
    });
  };
  return { calls, run };
}

describe('prefetchGit', () => {
  it('asks its questions at once and answers each from the start, once', async () => {
    const { calls, run } = fakeGit();
    const git = prefetchGit(
      '/repo',
      [{ args: ['rev-parse', 'HEAD'] }, { args: ['for-each-ref'] }],
      run,
    );
    expect(calls).toEqual(['/repo: rev-parse HEAD', '/repo: for-each-ref']);
    expect(await stdoutOf(git('/repo', ['for-each-ref']))).toBe('#2');
    expect(await stdoutOf(git('/repo', ['rev-parse', 'HEAD']))).toBe('#1');
    // Asked again: a new process, as without the prefetch.
    expect(await stdoutOf(git('/repo', ['rev-parse', 'HEAD']))).toBe('#3');
    expect(calls).toHaveLength(3);
  });

  it('a question listed twice starts one process and answers two askers, then no more', async () => {
    const { calls, run } = fakeGit();
    const git = prefetchGit(
      '/repo',
      [{ args: ['cat-file', '-p', 'HEAD'] }, { args: ['cat-file', '-p', 'HEAD'] }],
      run,
    );
    expect(calls).toHaveLength(1);
    expect(await stdoutOf(git('/repo', ['cat-file', '-p', 'HEAD']))).toBe('#1');
    expect(await stdoutOf(git('/repo', ['cat-file', '-p', 'HEAD']))).toBe('#1');
    expect(await stdoutOf(git('/repo', ['cat-file', '-p', 'HEAD']))).toBe('#2');
  });

  it('never answers another directory or other arguments from the start', async () => {
    const { calls, run } = fakeGit();
    const git = prefetchGit('/repo', [{ args: ['rev-parse', 'HEAD'] }], run);
    expect(await stdoutOf(git('/repo/sub', ['rev-parse', 'HEAD']))).toBe('#2');
    expect(await stdoutOf(git('/repo', ['rev-parse', 'HEAD', '--']))).toBe('#3');
    // The same arguments with another "no": the prefetched answer was read by none.
    expect(await stdoutOf(git('/repo', ['rev-parse', 'HEAD'], SILENT_EXIT_1))).toBe('#4');
    expect(await stdoutOf(git('/repo', ['rev-parse', 'HEAD']))).toBe('#1');
    expect(calls).toHaveLength(4);
  });

  it('a "no" equal by value is the same question: the entry\'s bundle has its own copy of it', async () => {
    const { calls, run } = fakeGit();
    const git = prefetchGit('/repo', [{ args: ['rev-parse', 'HEAD'], no: SILENT_EXIT_1 }], run);
    const copy = { exit: 1, stderr: /^$/ };
    expect(await stdoutOf(git('/repo', ['rev-parse', 'HEAD'], copy))).toBe('#1');
    // Another exit or another pattern is another question.
    const other = prefetchGit('/repo', [{ args: ['rev-parse', 'HEAD'], no: SILENT_EXIT_1 }], run);
    expect(await stdoutOf(other('/repo', ['rev-parse', 'HEAD'], { exit: 128, stderr: /^$/ }))).toBe(
      '#3',
    );
    expect(await stdoutOf(other('/repo', ['rev-parse', 'HEAD'], { exit: 1, stderr: /^$/m }))).toBe(
      '#4',
    );
    expect(await stdoutOf(other('/repo', ['rev-parse', 'HEAD'], { exit: 1, stderr: /^x$/ }))).toBe(
      '#5',
    );
    expect(calls).toHaveLength(5);
  });

  it("asks what the Action asks first (HEAD twice, inspect) in three processes, HEAD's sha from the probe", async () => {
    const { calls, run } = fakeGit();
    const git = prefetchGit(
      '/repo',
      [...HEAD_QUESTIONS, ...HEAD_QUESTIONS, ...INSPECT_QUESTIONS],
      run,
    );
    const port = createGit('/repo', git);
    await port.headCommit();
    await createTrustedRefFacts('/repo', { ref: null, sha: '' }, undefined, git).head();
    await port.inspect({ tags: [], paths: [] });
    expect(calls.map((call) => call.split(' ')[1]).sort()).toEqual([
      'cat-file',
      'for-each-ref',
      'rev-parse',
    ]);
  });
});
