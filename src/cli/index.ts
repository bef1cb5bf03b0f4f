// The CLI's entry (dist/cli.js): asks git its first questions, then runs main from
// dist/cli-main.cjs through V8's code cache (adapters/code-cache.ts: compiling the bundle was a
// third of start-up, and Node 20 caches no module code); Node ≥ 22.1 also caches this entry.
import { fileURLToPath } from 'node:url';
import { codeCacheDirectory, loadWithCodeCache } from '../adapters/code-cache.js';
import { enableCompileCache } from '../adapters/compile-cache.js';
import { INSPECT_QUESTIONS, prefetchGit } from '../adapters/git-prefetch.js';
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
const bundle = loadWithCodeCache<{ main: typeof Main }>(
  fileURLToPath(new URL('./cli-main.cjs', import.meta.url)),
  codeCacheDirectory(process.env.CUTOVER_CHECKPOINT_CODE_CACHE),
  flavour,
);
// No top-level await: the entry is built as CommonJS (scripts/bundle.mjs). main answers every
// fault with an exit code; a rejection would be a fault of its own, and ends the process with it.
void bundle.exports
  .main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    version: __VERSION__,
    cwd: process.cwd(),
    ...(git ? { git } : {}),
  })
  .then((code) => {
    process.exitCode = code;
    // The cache holds what this run compiled and is kept as long as the bundle is: one written by
    // a run that stopped early (exit 3: a bad config or argument) would leave every later run to
    // compile the rest itself (a `run` on the first example: 286 ms instead of 215). Only a run
    // that reached a verdict (0, 1, 2) writes it.
    if (code < 3) bundle.saveCache();
  });
