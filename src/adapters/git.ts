// Asks git about tags and file history in the workspace. Git being absent, or the workspace not
// being a repository, is evidence (`kind: 'unavailable'`), not a crash. Git failing (timed out,
// killed, an object it cannot read or may not fetch) is never read as git's "no": a fact git could
// not give is unknown, not absent, and the reason is git's own words.

import { resolve } from 'node:path';
import type { GitEvidence } from '../core/evidence.js';
import { couldNot, ok } from '../core/outcome.js';
import type { GitPort } from '../app/ports.js';
import { git as runGit, gitSays, whyNot, type GitQuestion, type GitRunner } from './git-exec.js';
import { lastChanges, readTags } from './git-facts.js';
import { fileAtRef, isSafeRef } from './git-file-at.js';
import { GIT_PROBE, isPartialClone, probedHead, readShallowBoundary } from './git-probe.js';

/**
 * How `headCommit` reads HEAD: the commit's text (its parents, as recorded: a shallow clone's
 * boundary commit keeps them there, while `HEAD^@` would list none) and its sha from the very
 * question `inspect` asks first, so one process answers both (git-prefetch.ts).
 */
export const HEAD_READS: readonly [GitQuestion, GitQuestion] = [
  { args: ['cat-file', '-p', 'HEAD'] },
  GIT_PROBE,
];

/** A git port over the repository at `root`; `git` runs one command (tests count calls). */
export function createGit(
  root: string,
  git: GitRunner = runGit,
): GitPort & Required<Pick<GitPort, 'headCommit'>> {
  return {
    async headCommit() {
      // Both at once; a failed cat-file speaks for both, as when the rev-parse was not asked.
      const [show, probe] = HEAD_READS;
      const [head, probed] = await Promise.all([
        git(root, [...show.args], show.no),
        git(root, [...probe.args], probe.no),
      ]);
      const sha = head.kind === 'ok' ? probed : head;
      if (head.kind !== 'ok' || sha.kind !== 'ok')
        // git's own words first (they name the fix); a failure without any, ours.
        return couldNot(
          gitSays(sha.stderr) || (sha.kind === 'unavailable' ? sha.reason : 'git cannot read HEAD'),
          sha.kind === 'unavailable' ? sha.cause : undefined,
        );
      const parents = [...head.stdout.split('\n\n')[0]!.matchAll(/^parent ([0-9a-f]+)$/gm)].map(
        (m) => m[1]!,
      );
      // probedHead takes only a full sha (40 or 64 hex digits).
      const verified = probedHead(sha.stdout);
      if (!verified) return couldNot('git cannot read HEAD');
      return ok({ sha: verified, parents });
    },
    readFileAt: fileAtRef(root, git),
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
      // One rev-parse for the facts and HEAD; an unborn HEAD is its "no", so ask again without. The
      // tag list needs nothing from it: both run at once (the list is dropped if the probe fails).
      const facts = GIT_PROBE.args.slice(0, -3);
      const probing = git(root, [...GIT_PROBE.args], GIT_PROBE.no);
      const tagListing = readTags(root, tags, git);
      let probe = await probing;
      let head: string | null = null;
      if (probe.kind === 'ok') head = probedHead(probe.stdout);
      else if (probe.kind === 'said-no') probe = await git(root, facts);
      // The facts alone have no "no": a git that cannot give them names why (not a repository).
      if (probe.kind !== 'ok') {
        void tagListing.catch(() => undefined);
        return unavailableGit(whyNot(probe, 'git rev-parse failed'));
      }
      // The common dir is printed as is: a path with a newline in it spans lines (HEAD is last).
      const [, shallowLine, ...rest] = probe.stdout.replace(/\n$/, '').split('\n');
      const commonLine = (head ? rest.slice(0, -1) : rest).join('\n');
      const shallow = shallowLine?.trim() === 'true';
      const common = resolve(root, commonLine.trim() || '.git');
      const partial = await isPartialClone(common);
      // In a partial clone history is not read at all: it could need objects that are not here.
      const [tagList, history] = await Promise.all([
        tagListing,
        partial
          ? ok(new Map<string, { sha: string; date: string }>())
          : lastChanges(root, paths, git),
      ]);
      // Git failing to list tags or walk history is not "no such tag" or "never committed".
      if (tagList.kind !== 'ok')
        return unavailableGit(`git could not read the tags of ${root}: ${tagList.reason}`);
      if (history.kind !== 'ok')
        return unavailableGit(
          `git could not read the history of the documents of ${root}: ${history.reason}`,
        );
      const [tagFacts, changes] = [tagList.value, history.value];
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
