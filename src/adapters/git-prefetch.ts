// Asks git, at process start, the questions a judged run asks first (the repository probe, the
// tag list; for the Action also HEAD), so git answers on the other core while the bundle is still
// being compiled. A started answer goes to the first caller asking the very same question in the
// very same directory, once; every other question runs as usual. Only read-only questions.

import { HEAD_READS } from './git.js';
import { GIT_PROBE } from './git-probe.js';
import { git as runGit, type GitQuestion, type GitResult, type GitRunner } from './git-exec.js';
import { TAG_LIST } from './git-facts.js';
import { sameNo } from './git-no.js';

/** HEAD as the Action reads it, twice: the judged commit (git.ts `headCommit`), the trusted ref. */
export const HEAD_QUESTIONS: readonly GitQuestion[] = HEAD_READS;

/** What `inspect` asks first in every run and validate. */
export const INSPECT_QUESTIONS: readonly GitQuestion[] = [GIT_PROBE, TAG_LIST];

/**
 * Starts `questions` in `cwd` now (`cwd` absolute, as the run will name its root) and returns a
 * runner that answers them from what was started, once per time a question is listed (one process
 * each however often), and runs anything else through `git`. A question is the same only with the
 * same "no" (the answer was read by it), compared by value (`sameNo`): the entry that prefetches
 * is a bundle apart from the main one that asks. Never rejects (git-exec.ts never does).
 */
export function prefetchGit(
  cwd: string,
  questions: readonly GitQuestion[],
  git: GitRunner = runGit,
): GitRunner {
  const key = (dir: string, args: readonly string[]) => JSON.stringify([dir, ...args]);
  type Started = { answer: Promise<GitResult>; uses: number; no: GitQuestion['no'] };
  const started = new Map<string, Started>();
  for (const { args, no } of questions) {
    const known = started.get(key(cwd, args));
    if (!known) started.set(key(cwd, args), { answer: git(cwd, [...args], no), uses: 1, no });
    else if (sameNo(known.no, no)) known.uses++;
  }
  return (dir, args, no) => {
    const found = started.get(key(dir, args));
    if (!found || !sameNo(found.no, no)) return git(dir, args, no);
    if (--found.uses === 0) started.delete(key(dir, args));
    return found.answer;
  };
}
