// Builds a throwaway git repository from an example so its release evidence is real: the release
// commit (every file that does not state the locked sha) is committed with fixed author, dates and
// message, so its sha is the same on every machine, and tagged; the handoff files that state the
// sha are committed after it, as a producer does when publishing a handoff.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const RELEASE_IDENTITY = {
  GIT_AUTHOR_NAME: 'Release Bot',
  GIT_AUTHOR_EMAIL: 'release-bot@example.invalid',
  GIT_AUTHOR_DATE: '2026-02-07T12:00:00Z',
  GIT_COMMITTER_NAME: 'Release Bot',
  GIT_COMMITTER_EMAIL: 'release-bot@example.invalid',
  GIT_COMMITTER_DATE: '2026-02-07T12:00:00Z',
};

function listFiles(root, dir = root) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path)];
  });
}

/** Reads the locked release tag and sha from an example's config (simple YAML lines). */
export function readLock(exampleDir) {
  const config = readFileSync(join(exampleDir, '.github/cutover-checkpoint.yml'), 'utf8');
  const tag = /^\s+release_tag:\s*(\S+)/m.exec(config)?.[1];
  const sha = /^\s+commit_sha:\s*(\S+)/m.exec(config)?.[1];
  return { tag, sha };
}

/**
 * Copies `exampleDir` to `targetDir` as a git repository; returns the tag's commit sha. `exec` is
 * execFileSync's shape (the tests pass one that does not fork their large worker processes).
 */
export function buildDemoRepo(exampleDir, targetDir, exec = execFileSync) {
  const { tag, sha } = readLock(exampleDir);
  rmSync(targetDir, { recursive: true, force: true });
  cpSync(exampleDir, targetDir, { recursive: true });
  const git = (args, env = {}) =>
    exec(
      'git',
      [
        '-c',
        'commit.gpgsign=false',
        '-c',
        'tag.gpgsign=false',
        '-c',
        'core.autocrlf=false',
        ...args,
      ],
      {
        cwd: targetDir,
        env: { ...process.env, ...RELEASE_IDENTITY, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
      .toString()
      .trim();
  git(['init', '-q', '-b', 'main']);
  const files = listFiles(targetDir).filter((file) => !file.startsWith('.git/'));
  const release = files.filter(
    (file) => !sha || !readFileSync(join(targetDir, file), 'utf8').includes(sha),
  );
  git(['add', '--', ...release]);
  git(['commit', '-q', '-m', `release ${tag}`]);
  const releaseSha = git(['rev-parse', 'HEAD']);
  if (tag) git(['tag', tag]);
  git(['add', '-A']);
  const now = new Date().toISOString();
  git(['commit', '-q', '--allow-empty', '-m', `handoff evidence for ${tag}`], {
    GIT_AUTHOR_DATE: now,
    GIT_COMMITTER_DATE: now,
  });
  return releaseSha;
}

// `node scripts/demo-repo.mjs <example> <target>` prints the release sha.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [example, target] = process.argv.slice(2);
  if (example && target) console.log(buildDemoRepo(example, target));
}
