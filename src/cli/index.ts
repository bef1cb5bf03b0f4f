// Node ≥ 22.1 keeps compiled code between runs (a no-op on 20); main is imported after it is on.
import { enableCompileCache } from '../adapters/compile-cache.js';
import { INSPECT_QUESTIONS, prefetchGit } from '../adapters/git-prefetch.js';
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
const { main } = await import('./main.js');
process.exitCode = await main(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version: __VERSION__,
  cwd: process.cwd(),
  ...(git ? { git } : {}),
});
