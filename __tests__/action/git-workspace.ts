// A workspace as actions/checkout leaves it: the files committed in a real git repository, so the
// Action can read HEAD (it publishes nothing for a commit it cannot identify, SPEC §5).
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from '../cli/cli-helpers.js';

/** Git without background maintenance (tests create and delete many small repositories). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'maintenance.auto=false',
      '-c',
      'gc.auto=0',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'user.name=Test',
      '-c',
      'user.email=test@example.invalid',
      ...args,
    ],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  ).trim();
}

/** A fresh temp git repository holding `files` in one commit; returns its path. */
export function gitWorkspace(files: Record<string, string>): string {
  const dir = workspace(files);
  git(dir, 'init', '-q', '-b', 'main');
  // Kept for the processes that do not inherit the suite's GIT_CONFIG_* (the built Action's
  // runner environment); written as `git config` would, one process fewer each.
  appendFileSync(join(dir, '.git', 'config'), '[maintenance]\n\tauto = false\n[gc]\n\tauto = 0\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'checkout');
  return dir;
}
