// Asks git about tags and file history in the workspace. Git being absent, or the workspace not
// being a repository, is evidence (`available: false`), not a crash.

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
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
      const shallow = probe.stdout.split('\n')[1]?.trim() === 'true';
      const [head, tagList, promisor, ...resolved] = await Promise.all([
        git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']),
        git(root, ['tag', '--list']),
        git(root, [
          'config',
          '--get-regexp',
          '^(remote\\..*\\.(promisor|partialclonefilter)|extensions\\.partialclone)$',
        ]),
        ...tags.map((tag) =>
          git(root, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]),
        ),
      ]);
      const partial = promisor!.ok && promisor!.stdout.trim() !== '';
      // In a partial clone history is not read at all: it could need objects that are not here.
      const lastCommits = partial
        ? []
        : await Promise.all(
            paths.map((path) => git(root, ['log', '-1', '--format=%H %cI', '--', path])),
          );
      const boundary = shallow ? await readShallowBoundary(root) : new Set<string>();
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
        partial,
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
 * The boundary commits of a shallow clone (git's `shallow` file): commits whose parents were not
 * fetched. A file's last change found at one of them may be older. Unreadable: every commit counts.
 */
async function readShallowBoundary(root: string): Promise<{ has(sha: string): boolean }> {
  const where = await git(root, ['rev-parse', '--git-path', 'shallow']);
  try {
    const text = await readFile(resolve(root, where.stdout.trim()), 'utf8');
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
