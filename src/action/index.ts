// The Action's entry (dist/index.js): asks git its first questions, then runs the Action from
// dist/action-main.cjs through V8's code cache (adapters/code-cache.ts: what a self-hosted runner
// keeps between jobs; a hosted runner starts empty each job). Node ≥ 22.1 also caches this entry.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeCacheDirectory, loadWithCodeCache } from '../adapters/code-cache.js';
import { enableCompileCache } from '../adapters/compile-cache.js';
import { HEAD_QUESTIONS, INSPECT_QUESTIONS, prefetchGit } from '../adapters/git-prefetch.js';
import type { run as Run } from './run.js';
enableCompileCache();
// Every judged run reads HEAD (twice: the commit judged, the trusted ref) and asks git about the
// workspace first: asked now, git answers while the Action loads. Only in the checkout itself: a
// working-directory input is checked first.
const workspace = process.env.GITHUB_WORKSPACE;
const git =
  workspace && ['', '.'].includes((process.env['INPUT_WORKING-DIRECTORY'] ?? '').trim())
    ? prefetchGit(resolve(workspace), [...HEAD_QUESTIONS, ...HEAD_QUESTIONS, ...INSPECT_QUESTIONS])
    : undefined;
const bundle = loadWithCodeCache<{ run: typeof Run }>(
  fileURLToPath(new URL('./action-main.cjs', import.meta.url)),
  codeCacheDirectory(process.env.CUTOVER_CHECKPOINT_CODE_CACHE),
  'action',
);
// No top-level await: the entry is built as CommonJS (scripts/bundle.mjs). The cache holds what
// this run compiled and is kept as long as the bundle is: only a run that went all the way to a
// verdict writes it (see cli/index.ts).
void bundle.exports.run(git).then((judged) => {
  if (judged) bundle.saveCache();
});
