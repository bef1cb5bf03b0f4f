// Node ≥ 22.1 keeps compiled code between runs (a no-op on 20); main is imported after it is on.
import { enableCompileCache } from '../adapters/compile-cache.js';
enableCompileCache();
const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version: __VERSION__,
  cwd: process.cwd(),
});
