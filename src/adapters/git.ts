// Asks git about tags and file history in the workspace. Git being absent, or the workspace not
// being a repository, is evidence (`available: false`), not a crash.

import { parseTagList, TAG_LIST_ARGS } from './git-tag-list.js';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GitEvidence } from '../core/evidence.js';
import type { GitPort } from '../app/ports.js';
import { buildChildEnv } from './child-env.js';

const GIT_TIMEOUT_MS = 15_000;

/** Runs one git command in `cwd`; never rejects (`ok: false` when git says no or is absent). */
export function git(
  cwd: string,
  args: string[],
): Promise<{ ok: boolean; stdout: string; stderr: string; missing?: boolean; bytes: Buffer }> {
  return new Promise((resolvePromise) => {
    execFile(
      'git',
      args,
      {
        cwd,
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'buffer',
        // GIT_NO_LAZY_FETCH: a partial clone must not fetch missing objects from the network.
        env: buildChildEnv(process.env, {
          kind: 'git',
          set: { GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1', LC_ALL: 'C' },
        }),
      },
      (error, stdout, stderr) => {
        const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
        resolvePromise({
          ok: !error,
          stdout: stdout.toString('utf8'),
          stderr: stderr.toString('utf8'),
          missing,
          bytes: stdout,
        });
      },
    );
  });
}

/** A ref git will not read as an option or a pathspec (`-x`, `a:b`). */
function isSafeRef(ref: string): boolean {
  return /^[\w./@^~-]+$/.test(ref) && !ref.startsWith('-');
}

/** A git port over the repository at `root`. */
export function createGit(root: string): GitPort {
  return {
    async readFileAt(ref, path) {
      if (!isSafeRef(ref))
        return { kind: 'unavailable', path, reason: `'${ref}' is not a git ref or sha` };
      const commit = await git(root, ['cat-file', '-e', `${ref}^{commit}`]);
      if (!commit.ok) {
        return {
          kind: 'unavailable',
          path,
          reason: `the trusted ref ${ref.slice(0, 40)} is not in this clone: check out with \`fetch-depth: 0\` (actions/checkout) so its policy can be read`,
        };
      }
      // `REF:./path` resolves from this directory (the working directory), not the repository root.
      const file = await git(root, ['show', `${ref}:./${path}`]);
      if (!file.ok) return { kind: 'missing', path };
      return {
        kind: 'ok',
        path,
        text: file.stdout,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        bytes: file.bytes.length,
      };
    },
    async modifiedFiles() {
      const status = await git(root, [
        'status',
        '--porcelain',
        '--untracked-files=no',
        '-z',
        '--',
        '.',
      ]);
      if (!status.ok) return null;
      return status.stdout
        .split('\0')
        .filter(Boolean)
        .map((entry) => entry.slice(3));
    },
    async changedPaths(ref) {
      if (!isSafeRef(ref))
        return { kind: 'unavailable', reason: `'${ref}' is not a git ref or sha` };
      const [prefix, diff] = await Promise.all([
        git(root, ['rev-parse', '--show-prefix']),
        git(root, ['diff', '--name-only', '--no-relative', '--no-renames', '-z', ref, '--']),
      ]);
      if (!prefix.ok || !diff.ok)
        return {
          kind: 'unavailable',
          reason: `git cannot compare the tree with the trusted ref ${ref.slice(0, 40)} (${(diff.stderr || prefix.stderr).trim().split('\n')[0] ?? 'git diff failed'}): check out with \`fetch-depth: 0\``,
        };
      const inside = prefix.stdout.trim();
      const all = diff.stdout.split('\0').filter(Boolean);
      return {
        kind: 'ok',
        paths: all.filter((p) => p.startsWith(inside)).map((p) => p.slice(inside.length)),
        outside: all.filter((p) => !p.startsWith(inside)),
      };
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
        git(root, TAG_LIST_ARGS),
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
        tagCommits: parseTagList(tagList!.stdout),
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
