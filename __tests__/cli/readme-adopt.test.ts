// README's "Adopt it in your repository" commands, extracted from README.md and run as written in
// a fresh git repository against the built CLI: they must reach a first rehearsal GO, so the
// README cannot drift from what the gate does.
import { spawnSync } from 'node:child_process';
import { execFileSync } from '../support/shell-sync.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CLI, ROOT } from './cli-helpers.js';

/** The first ```sh block after the adopt heading. */
export function extractAdoptCommands(readme: string): string {
  const section = readme.split('\n## Adopt it in your repository\n')[1];
  if (!section) throw new Error('README has no "## Adopt it in your repository" section');
  const block = /```sh\n([\s\S]*?)\n```/.exec(section.split('\n## ')[0]!);
  if (!block) throw new Error('the adopt section has no ```sh block');
  return block[1]!;
}

it("README's adopt commands take a fresh repository to a first rehearsal GO", () => {
  const script = extractAdoptCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  expect(script).toContain('"$CLI" init');
  const dir = mkdtempSync(join(tmpdir(), 'cc-adopt-'));
  try {
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    const result = spawnSync('bash', ['-e', '-c', script], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        CLI,
        NO_COLOR: '1',
        GITHUB_ACTIONS: '',
        GIT_AUTHOR_NAME: 'You',
        GIT_AUTHOR_EMAIL: 'you@example.com',
        GIT_COMMITTER_NAME: 'You',
        GIT_COMMITTER_EMAIL: 'you@example.com',
      },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Verdict (rehearsal): GO');
    expect(result.stdout).toMatch(/Rehearsal\s+GO/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
