// Asks git about tags and file history in the workspace. Git being absent, or the workspace not
// being a repository, is evidence (`available: false`), not a crash.

import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GitEvidence } from '../core/evidence.js';
import type { GitPort } from '../app/ports.js';

const GIT_TIMEOUT_MS = 15_000;

/** Runs one git command; resolves to stdout, or null when git says no. */
function git(
  cwd: string,
  args: string[],
): Promise<{ ok: boolean; stdout: string; stderr: string; missing?: boolean }> {
  return new Promise((resolvePromise) => {
    execFile(
      'git',
      args,
      {
        cwd,
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
        // GIT_NO_LAZY_FETCH: a partial clone must not fetch missing objects from the network.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1', LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
        resolvePromise({ ok: !error, stdout: String(stdout), stderr: String(stderr), missing });
      },
    );
  });
}

/** A git port over the repository at `root`. */
export function createGit(root: string): GitPort {
  return {
    async readFileAt(sha, path) {
      const commit = await git(root, ['cat-file', '-e', `${sha}^{commit}`]);
      if (!commit.ok) {
        return {
          kind: 'unavailable',
          reason: `base commit ${sha.slice(0, 12)} is not in this clone (check out with \`fetch-depth: 0\`)`,
        };
      }
      const file = await git(root, ['show', `${sha}:${path}`]);
      return file.ok ? { kind: 'ok', text: file.stdout } : { kind: 'missing' };
    },
    async inspect({ tags, paths }): Promise<GitEvidence> {
      const probe = await git(root, [
        'rev-parse',
        '--is-inside-work-tree',
        '--is-shallow-repository',
        '--git-common-dir',
      ]);
      if (!probe.ok) {
        return {
          available: false,
          reason: probe.missing
            ? 'git is not installed or not on PATH'
            : `${root} is not a git repository (${probe.stderr.trim().split('\n')[0] ?? 'git rev-parse failed'})`,
          shallow: false,
          tagCount: 0,
          tags: {},
          lastCommit: {},
        };
      }
      const [, shallowLine, commonLine] = probe.stdout.split('\n');
      const shallow = shallowLine?.trim() === 'true';
      const common = resolve(root, commonLine?.trim() || '.git');
      const [head, tagList, partial, ...resolved] = await Promise.all([
        git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']),
        git(root, ['tag', '--list']),
        isPartialClone(common),
        ...tags.map((tag) =>
          git(root, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]),
        ),
      ]);
      // In a partial clone history is not read at all: it could need objects that are not here.
      const lastCommits = partial
        ? []
        : await Promise.all(
            paths.map((path) => git(root, ['log', '-1', '--format=%H %cI', '--', path])),
          );
      const boundary = shallow ? await readShallowBoundary(common) : new Set<string>();
      const found = paths.map((path, i) => {
        const [sha, date] = (lastCommits[i]?.ok ? lastCommits[i]!.stdout.trim() : '').split(' ');
        return { path, sha, date };
      });
      // The release commit's date bounds joint-decision signatures (none may predate it).
      const tagDates = await Promise.all(
        tags.map((tag, i) =>
          resolved[i]!.ok
            ? git(root, ['show', '-s', '--format=%cI', resolved[i]!.stdout.trim()])
            : undefined,
        ),
      );
      return {
        available: true,
        shallow,
        partial: partial === true,
        ...(shallow
          ? { historyCut: found.filter((f) => !f.sha || boundary.has(f.sha)).map((f) => f.path) }
          : {}),
        head: head!.ok ? head!.stdout.trim() : null,
        tagCount: tagList!.stdout.split('\n').filter(Boolean).length,
        tags: Object.fromEntries(
          tags.map((tag, i) => [tag, resolved[i]!.ok ? resolved[i]!.stdout.trim() : null]),
        ),
        tagDates: Object.fromEntries(
          tags.map((tag, i) => {
            const date = tagDates[i]?.ok ? tagDates[i]!.stdout.trim() : '';
            return [tag, date ? new Date(date).toISOString() : null];
          }),
        ),
        lastCommit: Object.fromEntries(
          found.map((f) => [f.path, f.date ? new Date(f.date).toISOString() : null]),
        ),
      };
    },
  };
}

/**
 * The boundary commits of a shallow clone (git's `shallow` file in the common git dir): commits
 * whose parents were not fetched; a file's last change found at one of them may be older.
 * Unreadable: every commit counts as a boundary.
 */
async function readShallowBoundary(common: string): Promise<{ has(sha: string): boolean }> {
  try {
    const text = await readFile(join(common, 'shallow'), 'utf8');
    return new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
  } catch {
    return { has: () => true };
  }
}

/**
 * A partial clone keeps a `.promisor` file beside each pack fetched from its promisor remote
 * (read from disk: one process fewer at every start). Unreadable pack directory: not partial.
 */
async function isPartialClone(common: string): Promise<boolean> {
  try {
    return (await readdir(join(common, 'objects', 'pack'))).some((f) => f.endsWith('.promisor'));
  } catch {
    return false;
  }
}
