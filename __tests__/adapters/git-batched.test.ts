// The git adapter asks git few questions however many tags and documents a gate names (issue 10):
// a fixed number of git processes, with the same answers as one `rev-parse`/`log -1` per item.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { createGit as createRealGit } from '../../src/adapters/git.js';
import { findExecutable } from '../../src/adapters/path-search.js';
import { shellGit } from '../support/shell-launcher.js';
import { execFileSync } from '../support/shell-sync.js';

const calls: string[][] = [];
const createGit = (root: string) =>
  createRealGit(root, (cwd, args, no) => {
    calls.push(args);
    return shellGit(cwd, args, no);
  });

const repo = mkdtempSync(join(tmpdir(), 'cc-git-batched-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const run = (args: string[], date = '2026-01-01T00:00:00Z') =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  })
    .toString()
    .trim();
const write = (path: string, text: string) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};

run(['init', '-q', '-b', 'main']);
const paths = Array.from({ length: 30 }, (_, i) => `svc/docs/d${i}.md`);
paths.forEach((p, i) => write(p, `# ${i}\n`));
write('svc/other.md', 'x\n');
run(['add', '.']);
run(['commit', '-qm', 'all'], '2024-03-01T10:00:00Z');
for (const [i, day] of [
  [3, '05'],
  [7, '06'],
  [3, '07'],
] as const) {
  write(paths[i]!, `# changed ${day}\n`);
  run(['commit', '-qam', `d${i}`], `2025-04-${day}T10:00:00Z`);
}
run(['tag', 'light']);
run(['tag', '-a', '-m', 'annotated', 'annotated', 'HEAD~1']);
run(['-c', 'advice.nestedTag=false', 'tag', '-a', '-m', 'nested', 'nested', 'annotated']);
run(['tag', 'blob', run(['rev-parse', 'HEAD:svc/other.md'])]);
const head = run(['rev-parse', 'HEAD']);
const workspace = join(repo, 'svc');
const tags = ['light', 'annotated', 'nested', 'blob', 'absent'];

beforeEach(() => {
  calls.length = 0;
});

describe('inspect in few git processes', () => {
  it('30 documents and 5 tags (4 exist): three git processes, answers as per-item git would give', async () => {
    const asked = [...paths.map((p) => p.slice(4)), './docs/d7.md', 'docs/untracked.md'];
    const evidence = await createGit(workspace).inspect({ tags, paths: asked });
    if (evidence.kind !== 'ok') throw new Error(evidence.reason);
    // The nested tag is peeled the old way (two more); everything else is batched.
    expect(calls.length).toBe(3 + 2);
    expect(evidence.head).toBe(head);
    expect(evidence.tagCount).toBe(4);
    expect(evidence.tags).toEqual({
      light: head,
      annotated: run(['rev-parse', 'HEAD~1']),
      nested: run(['rev-parse', 'HEAD~1']),
      blob: null,
      absent: null,
    });
    expect(evidence.tagDates).toEqual({
      light: '2025-04-07T10:00:00.000Z',
      annotated: '2025-04-06T10:00:00.000Z',
      nested: '2025-04-06T10:00:00.000Z',
      blob: null,
      absent: null,
    });
    for (const path of asked) {
      const one = execFileSync('git', ['log', '-1', '--format=%cI', '--', path], { cwd: workspace })
        .toString()
        .trim();
      expect([path, evidence.lastCommit[path]]).toEqual([
        path,
        one ? new Date(one).toISOString() : null,
      ]);
    }
    expect(evidence.lastCommit['docs/d3.md']).toBe('2025-04-07T10:00:00.000Z');
    expect(evidence.lastCommit['./docs/d7.md']).toBe('2025-04-06T10:00:00.000Z');
    expect(evidence.lastCommit['docs/d0.md']).toBe('2024-03-01T10:00:00.000Z');
  });

  it('without tags the count is still one process for them', async () => {
    await createGit(workspace).inspect({ tags: [], paths: [] });
    expect(calls.map((c) => c[0])).toEqual(['rev-parse', 'for-each-ref']);
  });

  it('an unborn HEAD asks once more and is null; a non-repository is unavailable', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cc-git-unborn-'));
    try {
      execFileSync('git', ['init', '-q', empty]);
      const unborn = await createGit(empty).inspect({ tags: [], paths: ['a.md'] });
      expect(unborn).toMatchObject({ kind: 'ok', head: null, lastCommit: { 'a.md': null } });
      rmSync(join(empty, '.git'), { recursive: true });
      const none = await createGit(empty).inspect({ tags: [], paths: [] });
      expect(none.kind).toBe('unavailable');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('readFileAt in few git processes', () => {
  it('asks once whether the ref is a commit however many files are read at it', async () => {
    const port = createGit(workspace);
    const reads = await Promise.all(
      ['d0.md', 'd1.md', 'missing.md'].map((name) => port.readFileAt(head, `docs/${name}`)),
    );
    expect(reads.map((read) => read.kind)).toEqual(['ok', 'ok', 'missing']);
    expect(await port.readFileAt(head, 'docs/d3.md')).toMatchObject({ text: '# changed 07\n' });
    expect(calls.filter((c) => c[0] === 'cat-file')).toHaveLength(1);
    expect(calls.filter((c) => c[0] === 'show')).toHaveLength(4);
  });

  it('asks again after a "no": a ref not in the clone is not remembered as absent', async () => {
    const port = createGit(workspace);
    const absent = 'f'.repeat(40);
    for (let i = 0; i < 2; i++)
      expect(await port.readFileAt(absent, 'docs/d0.md')).toMatchObject({
        kind: 'unavailable',
        reason: expect.stringContaining('is not in this clone') as unknown,
      });
    expect(calls.filter((c) => c[0] === 'cat-file')).toHaveLength(2);
    expect(calls.filter((c) => c[0] === 'show')).toHaveLength(0);
  });
});

describe('findExecutable', () => {
  it('finds the first executable file on PATH, skipping relative directories', () => {
    const bin = mkdtempSync(join(tmpdir(), 'cc-path-'));
    try {
      writeFileSync(join(bin, 'tool-x'), '#!/bin/sh\n', { mode: 0o755 });
      writeFileSync(join(bin, 'plain-x'), 'not executable\n', { mode: 0o644 });
      mkdirSync(join(bin, 'dir-x'));
      expect(findExecutable('tool-x', `.:/nonexistent:${bin}`)).toBe(join(bin, 'tool-x'));
      expect(findExecutable('plain-x', bin)).toBeUndefined();
      expect(findExecutable('dir-x', bin)).toBeUndefined();
      expect(findExecutable('tool-x', `.:${bin.slice(1)}`)).toBeUndefined();
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
