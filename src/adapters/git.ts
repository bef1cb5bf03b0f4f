// Asks git about tags and file history in the workspace. Git being absent, or the workspace not
// being a repository, is evidence (`available: false`), not a crash.

import { execFile } from 'node:child_process';
import type { GitEvidence } from '../core/evidence.js';
import type { GitPort } from '../app/ports.js';
import { buildChildEnv } from './child-env.js';

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
        env: buildChildEnv(process.env, {
          kind: 'git',
          set: { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
        }),
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
      const [head, tagList, ...resolved] = await Promise.all([
        git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']),
        git(root, ['tag', '--list']),
        ...tags.map((tag) =>
          git(root, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]),
        ),
      ]);
      const lastCommits = await Promise.all(
        paths.map((path) => git(root, ['log', '-1', '--format=%cI', '--', path])),
      );
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
          paths.map((path, i) => [
            path,
            lastCommits[i]!.ok && lastCommits[i]!.stdout.trim()
              ? new Date(lastCommits[i]!.stdout.trim()).toISOString()
              : null,
          ]),
        ),
      };
    },
  };
}
