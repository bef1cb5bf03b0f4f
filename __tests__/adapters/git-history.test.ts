// The git adapter against real clones: which history facts a shallow or partial clone can give.
// A shallow clone whose boundary hides a file's last change cuts that file's history; a file
// changed after the boundary keeps an exact date. The age judge turns a cut into `unknown`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGit } from '../../src/adapters/git.js';
import { shellGit } from '../support/shell-launcher.js';
import { judgeDocumentAge } from '../../src/core/checks/document-age.js';
import type { GitEvidence } from '../../src/core/evidence.js';
import { execFileSync } from '../support/shell-sync.js';

const root = mkdtempSync(join(tmpdir(), 'cc-git-history-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const origin = join(root, 'origin');
const run = (cwd: string, args: string[], date?: string) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
execFileSync('git', ['init', '-q', '-b', 'main', origin]);
writeFileSync(join(origin, 'old.md'), '# old\n');
run(origin, ['add', '.']);
run(origin, ['commit', '-qm', 'old'], '2023-01-10T12:00:00Z');
for (const n of [1, 2]) {
  writeFileSync(join(origin, 'new.md'), `# new ${n}\n`);
  run(origin, ['add', '.']);
  run(origin, ['commit', '-qm', `new ${n}`], `2026-11-0${n}T12:00:00Z`);
}
run(origin, ['config', 'uploadpack.allowFilter', 'true']);
const clone = (name: string, ...flags: string[]) => {
  const dir = join(root, name);
  execFileSync('git', ['clone', '-q', ...flags, `file://${origin}`, dir]);
  return dir;
};
const inspect = async (dir: string) => {
  const git = await createGit(dir, shellGit).inspect({ tags: [], paths: ['old.md', 'new.md'] });
  if (git.kind !== 'ok') throw new Error(git.reason);
  return git;
};

describe('history facts by clone kind', () => {
  it('a full clone knows every date', async () => {
    const git = await inspect(clone('full'));
    expect(git).toMatchObject({ shallow: false, partial: false });
    expect(git.lastCommit['old.md']).toBe('2023-01-10T12:00:00.000Z');
  });
  it('--depth 1 cuts both files (the boundary commit looks like it added every file)', async () => {
    const git = await inspect(clone('depth-1', '--depth', '1'));
    expect(git.shallow).toBe(true);
    expect(git.historyCut?.sort()).toEqual(['new.md', 'old.md']);
  });
  it('--depth 2 cuts the old file only; the newer change is known exactly', async () => {
    const git = await inspect(clone('depth-2', '--depth', '2'));
    expect(git.historyCut).toEqual(['old.md']);
    expect(git.lastCommit['new.md']).toBe('2026-11-02T12:00:00.000Z');
  });
  it('a partial clone (--filter=blob:none) is known as partial', async () => {
    const git = await inspect(clone('partial', '--filter=blob:none'));
    expect(git.partial).toBe(true);
  });
});

describe('judgeDocumentAge', () => {
  const base: GitEvidence = {
    kind: 'ok',
    shallow: false,
    tagCount: 0,
    tags: {},
    lastCommit: { 'a.md': '2023-01-10T12:00:00.000Z' },
  };
  const now = '2026-11-30T00:00:00.000Z';
  it.each([
    ['full history, old', base, 'stale'],
    [
      'full history, max wider',
      { ...base, lastCommit: { 'a.md': '2026-11-01T00:00:00.000Z' } },
      'fresh',
    ],
    ['shallow, cut', { ...base, shallow: true, historyCut: ['a.md'] }, 'unknown'],
    ['shallow, nobody looked at the boundary', { ...base, shallow: true }, 'unknown'],
    ['shallow, changed after the boundary', { ...base, shallow: true, historyCut: [] }, 'stale'],
    ['partial', { ...base, partial: true }, 'unknown'],
    ['no git', { kind: 'unavailable', reason: 'not a repository' }, 'unavailable'],
  ])('%s: %s', (_, git, kind) => {
    const age = judgeDocumentAge(git as GitEvidence, 'a.md', 365, now);
    expect(age.kind).toBe(kind);
    if (kind === 'unknown' && age.kind === 'unknown')
      expect(age.reason).toContain('fetch-depth: 0');
  });
});
