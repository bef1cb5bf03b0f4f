// git.release-tag: the release tag exists in git and resolves to the locked commit (immutable
// release evidence). A tag missing because tags were not fetched says so and how to fix it.

import type { CheckOutcome } from '../model.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';
import { suggestName } from '../config/did-you-mean.js';

// `fetch-tags: true` alone is not offered: it leaves the clone shallow, and a shallow clone hides
// every other history fact (document ages) too.
const FETCH_HINT =
  'fetch full history with tags: set `fetch-depth: 0` on actions/checkout (`fetch-tags: true` alone leaves the clone shallow); locally run `git fetch --tags --unshallow` (or `git fetch --tags` in a full clone)';

/**
 * One check whenever the lock names a release tag (SPEC §10: always). Without a locked commit_sha
 * the tag's commit becomes the expected commit (see expectedBaseline), so the tag must exist.
 */
export function evaluateGitTag(context: EvaluationContext): CheckOutcome[] {
  const { release_tag: tag, commit_sha: lockSha } = context.config.baseline;
  if (!tag) return [];
  const git = context.evidence.git;
  const base = {
    id: 'git.release-tag',
    kind: 'git' as const,
    expected: { tag, commit_sha: lockSha ?? 'the commit the tag resolves to' },
  };
  if (git.kind !== 'ok') {
    return [
      {
        ...base,
        status: 'error',
        summary: `cannot check tag ${tag}: ${git.reason}`,
        observed: null,
      },
    ];
  }
  const sha = lockSha ?? git.tags[tag] ?? '(the tag commit)';
  const resolved = git.tags[tag];
  if (resolved === null || resolved === undefined) {
    const unfetched = git.tagCount === 0 || git.shallow;
    return [
      {
        ...base,
        status: 'fail',
        summary: unfetched
          ? `release tag ${tag} is not in this clone, which ${git.shallow ? 'is shallow' : 'has no tags at all'}: ${FETCH_HINT}`
          : `release tag ${tag} does not exist in git (${git.tagCount} other tags present): no immutable release evidence`,
        details: unfetched ? [FETCH_HINT] : [suggestTag(tag, lockSha, git.tagCommits ?? {})],
        observed: { tag: null },
      },
    ];
  }
  if (resolved !== sha) {
    return [
      {
        ...base,
        status: 'fail',
        summary: `release tag ${tag} resolves to ${resolved}, but the lock's commit_sha is ${sha}`,
        details: [`git: ${tag} → ${resolved}`, `lock (${context.config.path}): commit_sha ${sha}`],
        observed: { tag, commit_sha: resolved },
      },
    ];
  }
  return [
    {
      ...base,
      status: 'pass',
      summary: lockSha
        ? `release tag ${tag} resolves to ${sha}`
        : `release tag ${tag} resolves to ${resolved}; the lock has no commit_sha, so every artifact must state this commit`,
    },
  ];
}

/**
 * What to say about a missing release tag: the tag that points at the locked commit, else the
 * closest name. Never "create it and push it": a release tag is made by the release, on purpose,
 * and a gate that hands out that command invites tagging whatever is checked out.
 */
function suggestTag(
  tag: string,
  lockSha: string | undefined,
  tags: Record<string, string>,
): string {
  const atLock = lockSha ? Object.keys(tags).filter((name) => tags[name] === lockSha) : [];
  const meant = suggestName(tag, atLock) ?? atLock[0] ?? suggestName(tag, Object.keys(tags));
  if (meant && atLock.includes(meant))
    return `did you mean ${meant}? It resolves to the locked commit ${lockSha}; fix release_tag in the lock`;
  if (meant)
    return `did you mean ${meant}? Check release_tag in the lock against \`git tag --list\``;
  return `check release_tag in the lock against \`git tag --list\`; the release tag is created by your release process on the release commit`;
}
