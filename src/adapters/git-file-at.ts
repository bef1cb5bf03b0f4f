// A trusted file read through git at a ref (SPEC §10): its bytes, `missing` only when git says the
// ref's tree has no such path, else `unavailable` with git's own words. A blob a partial clone may
// not fetch, a corrupt object or a git that timed out is never "missing": for the gate config that
// would read as a policy the change adds.

import { createHash } from 'node:crypto';
import type { TrustedRead } from '../core/evidence.js';
import { whyNot, type GitResult, type GitRunner } from './git-exec.js';
import { NO_PATH_AT_COMMIT, NOT_AN_OBJECT } from './git-no.js';

/** A ref git will not read as an option or a pathspec (`-x`, `a:b`). */
export function isSafeRef(ref: string): boolean {
  return /^[\w./@^~-]+$/.test(ref) && !ref.startsWith('-');
}

/**
 * `readFileAt` of the git port over `root`: the workspace-relative `path` at `ref`. A ref that is
 * not a commit here is `unavailable` naming `fetch-depth: 0`.
 */
export function fileAtRef(
  root: string,
  git: GitRunner,
): (ref: string, path: string) => Promise<TrustedRead> {
  // A run reads every trusted file at the same ref: that it is a commit here is asked once (a
  // commit, once present, stays), not once per file; a "no" or a failure is asked again.
  const commits = new Map<string, Promise<GitResult>>();
  const commitAt = (ref: string) => {
    const known = commits.get(ref);
    if (known) return known;
    const asked = git(root, ['cat-file', '-e', `${ref}^{commit}`], NOT_AN_OBJECT);
    commits.set(ref, asked);
    void asked.then((result) => result.kind !== 'ok' && commits.delete(ref));
    return asked;
  };
  return async (ref, path) => {
    if (!isSafeRef(ref))
      return { kind: 'unavailable', path, reason: `'${ref}' is not a git ref or sha` };
    const commit = await commitAt(ref);
    if (commit.kind === 'unavailable')
      return { kind: 'unavailable', path, reason: `git cannot read ${ref}: ${commit.reason}` };
    if (commit.kind === 'said-no') {
      return {
        kind: 'unavailable',
        path,
        reason: `the trusted ref ${ref.slice(0, 40)} is not in this clone: check out with \`fetch-depth: 0\` (actions/checkout) so its policy can be read`,
      };
    }
    // `REF:./path` resolves from this directory (the working directory), not the repository root.
    const file = await git(root, ['show', `${ref}:./${path}`], NO_PATH_AT_COMMIT);
    // Only git's "no such path at that ref" is missing, and only once a listing agrees.
    if (file.kind === 'said-no') return absentAt(git, root, ref, path);
    if (file.kind === 'unavailable')
      return {
        kind: 'unavailable',
        path,
        reason: `git cannot read ${path} at ${ref}: ${file.reason}`,
      };
    return {
      kind: 'ok',
      path,
      text: file.stdout,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      bytes: file.bytes.length,
    };
  };
}

/**
 * `path` at `ref` once `git show` said the commit has no such path: missing only when `git
 * ls-tree` lists nothing there either. `show` says the same of a path under a tree it cannot read
 * (a corrupt or missing subtree), where `ls-tree` fails (`error: Could not read <tree>`).
 */
async function absentAt(
  git: GitRunner,
  root: string,
  ref: string,
  path: string,
): Promise<TrustedRead> {
  // Relative to the working directory, as `REF:./path` is; ls-tree reads no wildcards.
  const listed = await git(root, ['ls-tree', '-z', ref, '--', path]);
  if (listed.kind === 'ok' && listed.stdout === '') return { kind: 'missing', path };
  const why =
    listed.kind === 'ok'
      ? 'git show says it is not there, git ls-tree lists it'
      : whyNot(listed, 'git ls-tree failed');
  return { kind: 'unavailable', path, reason: `git cannot read ${path} at ${ref}: ${why}` };
}
