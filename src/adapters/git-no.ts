// What counts as git's "no" for one question. git exits 128 for every fatal error (a missing or
// corrupt object, a partial clone's blob it may not fetch, a held lock, a refused owner), so a
// non-zero exit is "no" only where the caller says which exit, with which words, answers its own
// question; anything else is a failure (git-exec.ts), never "absent" or "not an ancestor".
//
// The words are git's own (2.39, with LC_ALL=C), and stderr must be exactly them: a warning or an
// error line beside them (`error: Could not read <tree>`, `warning: lazy fetching disabled`) means
// git had trouble reading, and the "no" after it cannot be taken at its word.

/** The exit code and the whole of stderr (trimmed) that mean "no" for one question. */
export interface SaysNo {
  readonly exit: number;
  readonly stderr: RegExp;
}

/** Whether git's failure (exit `code`, `stderr`) is the "no" `no` describes. */
export function saidNo(no: SaysNo | undefined, code: unknown, stderr: string): code is number {
  return no !== undefined && code === no.exit && no.stderr.test(stderr.trim());
}

/**
 * Whether two "no"s are the same rule: the same exit and the same pattern. Compared by value, not
 * by identity: the Action's and the CLI's entries (dist/index.js, dist/cli.js) are bundles of
 * their own, so a question the entry prefetches carries its copy of a constant, not the main
 * bundle's (see git-prefetch.ts).
 */
export function sameNo(a: SaysNo | undefined, b: SaysNo | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.exit === b.exit && a.stderr.source === b.stderr.source && a.stderr.flags === b.stderr.flags
  );
}

/**
 * Exit 1 with nothing said: `merge-base --is-ancestor` (not an ancestor), `rev-parse --verify
 * --quiet` (the revision does not resolve).
 */
export const SILENT_EXIT_1: SaysNo = { exit: 1, stderr: /^$/ };

/** `cat-file -e <rev>^{commit}`: the revision names no object here (unknown, or not fetched). */
export const NOT_AN_OBJECT: SaysNo = {
  exit: 128,
  stderr: /^fatal: Not a valid object name [^\n]+$/,
};

/**
 * `show <commit>:./<path>`: the commit's tree has no such path (the second form when the work
 * tree has it). A tree git cannot read says the same (see git.ts `readFileAt`, which asks again).
 */
export const NO_PATH_AT_COMMIT: SaysNo = {
  exit: 128,
  stderr: /^fatal: path '[^\n]*' (does not exist in|exists on disk, but not in) '[^\n]*'$/,
};

/**
 * `rev-parse --verify --quiet <tag>^{commit}` for a tag that exists: it peels to a tree or a blob.
 * (A tag whose target is missing exits 1 with nothing said: that is a failure.)
 */
export const NOT_A_COMMIT: SaysNo = {
  exit: 1,
  stderr: /^error: [^\n]+: expected commit type, but the object dereferences to \w+ type$/,
};

/** `log` on an unborn branch: nothing was ever committed. */
export const NO_COMMITS_YET: SaysNo = {
  exit: 128,
  stderr: /^fatal: your current branch '[^\n]*' does not have any commits yet$/,
};
