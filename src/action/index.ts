// Node ≥ 22.1 keeps compiled code between runs (a no-op on 20); the Action is imported after it is on.
import { resolve } from 'node:path';
import { enableCompileCache } from '../adapters/compile-cache.js';
import { HEAD_QUESTIONS, INSPECT_QUESTIONS, prefetchGit } from '../adapters/git-prefetch.js';
enableCompileCache();
// Every judged run reads HEAD (twice: the commit judged, the trusted ref) and asks git about the
// workspace first: asked now, git answers while the Action loads. Only in the checkout itself: a
// working-directory input is checked first.
const workspace = process.env.GITHUB_WORKSPACE;
const git =
  workspace && ['', '.'].includes((process.env['INPUT_WORKING-DIRECTORY'] ?? '').trim())
    ? prefetchGit(resolve(workspace), [...HEAD_QUESTIONS, ...HEAD_QUESTIONS, ...INSPECT_QUESTIONS])
    : undefined;
const { run } = await import('./run.js');
void run(git);
