// Asks git about tags and file history in the workspace. Git being absent, or the workspace not
// being a repository, is evidence (`kind: 'unavailable'`), not a crash. Git failing (timed out,
// killed) is never read as git's "no": a fact git could not give is unknown, not absent.

import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { GitEvidence } from '../core/evidence.js';
import { couldNot, ok } from '../core/outcome.js';
import type { GitPort } from '../app/ports.js';
import { git as runGit, type GitResult, type GitRunner } from './git-exec.js';
import { lastChanges, readTags } from './git-facts.js';
import { GIT_PROBE, isPartialClone, probedHead, readShallowBoundary } from './git-probe.js';

/**
 * How `headCommit` reads HEAD: the commit's text (its parents, as recorded: a shallow clone's
 * boundary commit keeps them there, while `HEAD^@` would list none) and its sha from the very
 * question `inspect` asks first, so one process answers both (git-prefetch.ts).
 */
export const HEAD_READS = [['cat-file', '-p', 'HEAD'], GIT_PROBE] as const;

/** A ref git will not read as an option or a pathspec (`-x`, `a:b`). */
function isSafeRef(ref: string): boolean {
  return /^[\w./@^~-]+$/.test(ref) && !ref.startsWith('-');
}

/** A git port over the repository at `root`; `git` runs one command (tests count calls). */
export function createGit(
  root: string,
  git: GitRunner = runGit,
): GitPort & Required<Pick<GitPort, 'headCommit'>> {
  // A run reads every trusted file at the same ref: that it is a commit here is asked once (a
  // commit, once present, stays), not once per file; a "no" or a failure is asked again.
  const commits = new Map<string, Promise<GitResult>>();
  const commitAt = (ref: string) => {
    const known = commits.get(ref);
    if (known) return known;
    const asked = git(root, ['cat-file', '-e', `${ref}^{commit}`]);
    commits.set(ref, asked);
    void asked.then((result) => result.kind !== 'ok' && commits.delete(ref));
    return asked;
  };
  return {
    async headCommit() {
      // Both at once; a failed cat-file speaks for both, as when the rev-parse was not asked.
      const [show, probe] = HEAD_READS;
      const [head, probed] = await Promise.all([git(root, [...show]), git(root, [...probe])]);
      const sha = head.kind === 'ok' ? probed : head;
      if (head.kind !== 'ok' || sha.kind !== 'ok')
        return {
          kind: 'unavailable',
          // git's own words first (they name the fix); a failure without any, ours.
          reason:
            sha.stderr.trim().split('\n')[0] ||
            (sha.kind === 'unavailable' ? sha.reason : 'git cannot read HEAD'),
        };
      const parents = [...head.stdout.split('\n\n')[0]!.matchAll(/^parent ([0-9a-f]+)$/gm)].map(
        (m) => m[1]!,
      );
      // probedHead takes only a full sha (40 or 64 hex digits).
      const verified = probedHead(sha.stdout);
      if (!verified) return { kind: 'unavailable', reason: 'git cannot read HEAD' };
      return { kind: 'ok', sha: verified, parents };
    },
    async readFileAt(ref, path) {
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
      const file = await git(root, ['show', `${ref}:./${path}`]);
      // Only git's "no such path at that ref" is missing; a git that failed cannot say.
      if (file.kind === 'said-no') return { kind: 'missing', path };
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
      if (status.kind !== 'ok')
        return couldNot(
          whyNot(status, 'git status failed'),
          status.kind === 'unavailable' ? status.cause : undefined,
        );
      return ok(
        status.stdout
          .split('\0')
          .filter(Boolean)
          .map((entry) => entry.slice(3)),
      );
    },
    async changedPaths(ref) {
      if (!isSafeRef(ref))
        return { kind: 'unavailable', reason: `'${ref}' is not a git ref or sha` };
      const [prefix, diff] = await Promise.all([
        git(root, ['rev-parse', '--show-prefix']),
        git(root, ['diff', '--name-only', '--no-relative', '--no-renames', '-z', ref, '--']),
      ]);
      if (prefix.kind !== 'ok' || diff.kind !== 'ok')
        return {
          kind: 'unavailable',
          reason: `git cannot compare the tree with the trusted ref ${ref.slice(0, 40)} (${whyNot(diff.kind !== 'ok' ? diff : prefix, 'git diff failed')}): check out with \`fetch-depth: 0\``,
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
      // One rev-parse for the facts and HEAD; an unborn HEAD fails it, so ask again without. The
      // tag list needs nothing from it: both run at once (the list is dropped if the probe fails).
      const facts = GIT_PROBE.slice(0, -3);
      const probing = git(root, [...GIT_PROBE]);
      const tagList = readTags(root, tags, git);
      let probe = await probing;
      let head: string | null = null;
      if (probe.kind === 'ok') head = probedHead(probe.stdout);
      else if (probe.kind === 'said-no') probe = await git(root, facts);
      if (probe.kind !== 'ok') void tagList.catch(() => undefined);
      if (probe.kind === 'said-no')
        return unavailableGit(
          `${root} is not a git repository (${whyNot(probe, 'git rev-parse failed')})`,
        );
      if (probe.kind === 'unavailable') return unavailableGit(probe.reason);
      // The common dir is printed as is: a path with a newline in it spans lines (HEAD is last).
      const [, shallowLine, ...rest] = probe.stdout.replace(/\n$/, '').split('\n');
      const commonLine = (head ? rest.slice(0, -1) : rest).join('\n');
      const shallow = shallowLine?.trim() === 'true';
      const common = resolve(root, commonLine.trim() || '.git');
      const partial = await isPartialClone(common);
      // In a partial clone history is not read at all: it could need objects that are not here.
      const [tagFacts, changes] = await Promise.all([
        tagList,
        partial ? new Map<string, { sha: string; date: string }>() : lastChanges(root, paths, git),
      ]);
      // Git failing to list tags or walk history is not "no such tag" or "never committed".
      if (!tagFacts || !changes)
        return unavailableGit(
          `git could not read the ${tagFacts ? 'history of the documents' : 'tags'} of ${root}`,
        );
      const boundary = shallow ? await readShallowBoundary(common) : new Set<string>();
      const found = paths.map((path) => ({ path, ...changes.get(path) }));
      const tagFact = (tag: string) => tagFacts.facts[tag] ?? { sha: null, date: null };
      return {
        kind: 'ok',
        shallow,
        partial,
        ...(shallow
          ? { historyCut: found.filter((f) => !f.sha || boundary.has(f.sha)).map((f) => f.path) }
          : {}),
        head,
        tagCount: tagFacts.count,
        tagCommits: tagFacts.commits,
        tags: Object.fromEntries(tags.map((tag) => [tag, tagFact(tag).sha])),
        // The release commit's date bounds joint-decision signatures (none may predate it).
        tagDates: Object.fromEntries(
          tags.map((tag) => {
            const date = tagFact(tag).date;
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

/** Git evidence when git cannot be asked: every git fact is unknown, with the reason. */
function unavailableGit(reason: string): GitEvidence {
  return { kind: 'unavailable', reason };
}

/** What a git that did not answer "yes" said: its failure, or the first line of its "no". */
function whyNot(result: GitResult, fallback: string): string {
  if (result.kind === 'unavailable') return result.reason;
  return result.stderr.trim().split('\n')[0] || fallback;
}
