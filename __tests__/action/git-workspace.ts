// A workspace as actions/checkout leaves it: the files committed in a real git repository, so the
// Action can read HEAD (it publishes nothing for a commit it cannot identify, SPEC §5).
import { execFileSync } from 'node:child_process';
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
  git(dir, 'config', 'maintenance.auto', 'false');
  git(dir, 'config', 'gc.auto', '0');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'checkout');
  return dir;
}
