// The Action's entry (dist/index.js): asks git its first questions, then runs the Action from
// dist/action-main.cjs through V8's code cache (adapters/code-cache.ts: what a self-hosted runner
// keeps between jobs; a hosted runner starts empty each job). Node ≥ 22.1 also caches this entry.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeCacheDirectory, loadWithCodeCache } from '../adapters/code-cache.js';
import { describeFault, runBundleEntry, workflowCommandData } from '../adapters/entry-exit.js';
import { enableCompileCache } from '../adapters/compile-cache.js';
import { HEAD_QUESTIONS, INSPECT_QUESTIONS, prefetchGit } from '../adapters/git-prefetch.js';
import type { run as Run, StepOutcome } from './run.js';
enableCompileCache();
// Every judged run reads HEAD (twice: the commit judged, the trusted ref) and asks git about the
// workspace first: asked now, git answers while the Action loads. Only in the checkout itself: a
// working-directory input is checked first.
const workspace = process.env.GITHUB_WORKSPACE;
const git =
  workspace && ['', '.'].includes((process.env['INPUT_WORKING-DIRECTORY'] ?? '').trim())
    ? prefetchGit(resolve(workspace), [...HEAD_QUESTIONS, ...HEAD_QUESTIONS, ...INSPECT_QUESTIONS])
    : undefined;
// No top-level await: the entry is built as CommonJS (scripts/bundle.mjs). Until the run resolves
// the step counts as failed: a bundle that throws while loading, a run that rejects or one that
// never settles fails the step, never passes it.
void runBundleEntry<{ run: typeof Run }, StepOutcome>({
  load: () =>
    loadWithCodeCache(
      fileURLToPath(new URL('./action-main.cjs', import.meta.url)),
      codeCacheDirectory(process.env.CUTOVER_CHECKPOINT_CODE_CACHE),
      'action',
    ),
  start: ({ run }) => run(git),
  fault: 1,
  codeOf: (step) => (step.failed ? 1 : 0),
  // An error annotation, as the run's own faults are; one line whatever the error holds.
  report: (error) =>
    process.stdout.write(
      `::error::${workflowCommandData(`cutover-checkpoint could not run: internal fault: ${describeFault(error)}`)}\n`,
    ),
  keepsCache: (step) => step.judged,
});
