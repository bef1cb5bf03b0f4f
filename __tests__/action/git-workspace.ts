// A workspace as actions/checkout leaves it: the files committed in a real git repository, so the
// Action can read HEAD (it publishes nothing for a commit it cannot identify, SPEC §5).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from '../cli/cli-helpers.js';
import { commitAll, GIT_RULE_FILES, TEST_IDENTITY } from '../support/git-commit.js';
import { execFileSync } from '../support/shell-sync.js';

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

/**
 * For the processes that do not inherit the suite's GIT_CONFIG_* (the built Action's runner
 * environment): no background maintenance in the tests' many small repositories.
 */
const NO_MAINTENANCE = '[maintenance]\n\tauto = false\n[gc]\n\tauto = 0\n';

/**
 * A fresh temp git repository holding `files` in one commit on `main`, as `git init`, `add -A` and
 * `commit` leave it (written in this process, support/git-commit.ts, unless `files` hold what it
 * does not model: then by git); returns its path.
 */
export function gitWorkspace(files: Record<string, string>): string {
  const dir = workspace(files);
  if (Object.keys(files).some((path) => GIT_RULE_FILES.has(path.split('/').pop()!))) {
    git(dir, 'init', '-q', '-b', 'main');
    appendFileSync(join(dir, '.git', 'config'), NO_MAINTENANCE);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'checkout');
    return dir;
  }
  commitAll(dir, {
    message: 'checkout',
    identity: TEST_IDENTITY,
    config: NO_MAINTENANCE,
  });
  return dir;
}
