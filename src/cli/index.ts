// The CLI's entry (dist/cli.js): asks git its first questions, then runs main from
// dist/cli-main.cjs through V8's code cache (adapters/code-cache.ts: compiling the bundle was a
// third of start-up, and Node 20 caches no module code); Node ≥ 22.1 also caches this entry.
import { fileURLToPath } from 'node:url';
import { codeCacheDirectory, loadWithCodeCache } from '../adapters/code-cache.js';
import { describeFault, runBundleEntry } from '../adapters/entry-exit.js';
import { enableCompileCache } from '../adapters/compile-cache.js';
import { INSPECT_QUESTIONS, prefetchGit } from '../adapters/git-prefetch.js';
import { guardForActions } from './actions-guard.js';
import type { main as Main } from './main.js';
enableCompileCache();
const argv = process.argv.slice(2);
// run and validate ask git about their workspace first: asked now, git answers while main loads.
// Without --cwd the workspace is this directory (or, config found above it, a directory of the
// same repository: then the answers go unused).
const git =
  (argv[0] === 'run' || argv[0] === 'validate') &&
  !argv.some((arg) => arg === '--cwd' || arg.startsWith('--cwd='))
    ? prefetchGit(process.cwd(), INSPECT_QUESTIONS)
    : undefined;
// One cache per kind of run: each holds the code its kind compiled.
const flavour = ['run', 'validate', 'aggregate', 'verify-record'].includes(argv[0] ?? '')
  ? argv[0]!
  : 'other';
// No top-level await: the entry is built as CommonJS (scripts/bundle.mjs). Until main resolves
// the exit code is 3 (the gate could not run): a bundle that throws while loading, a main that
// rejects or one that never settles ends as that, never as 0.
void runBundleEntry<{ main: typeof Main }, number>({
  load: () =>
    loadWithCodeCache(
      fileURLToPath(new URL('./cli-main.cjs', import.meta.url)),
      codeCacheDirectory(process.env.CUTOVER_CHECKPOINT_CODE_CACHE),
      flavour,
    ),
  start: ({ main }) =>
    main(argv, {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      version: __VERSION__,
      cwd: process.cwd(),
      ...(git ? { git } : {}),
    }),
  fault: 3,
  codeOf: (code) => code,
  // Through the same guard as main's own output: under GitHub Actions a fault's text (which may
  // quote a file or a value) reaches the log with workflow commands stopped.
  report: (error) =>
    guardForActions(process.stderr, process.env).write(
      `cutover-checkpoint: the gate could not run: internal fault: ${describeFault(error)}\n`,
    ),
  // A verdict (0, 1, 2), and not a one-off command (--help, init: 'other'), keeps the cache.
  keepsCache: (code) => code < 3 && flavour !== 'other',
});
