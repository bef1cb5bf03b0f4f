// `npm run demo`: builds a throwaway git repository from examples/service-v3-cutover (with the real
// v0.3.2 tag on the locked commit) and runs the gate there with the built CLI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { buildDemoRepo } from './demo-repo.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, '.demo', 'service-v3-cutover');
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(3);
}
const sha = buildDemoRepo(join(root, 'examples', 'service-v3-cutover'), target);
console.log(`Demo repository: ${target} (v0.3.2 → ${sha})\n`);
const result = spawnSync(
  process.execPath,
  [join(root, 'dist', 'cli.js'), 'run', ...process.argv.slice(2)],
  { cwd: target, stdio: 'inherit' },
);
console.log(`\nTry: cd ${target} && node ${join(root, 'dist', 'cli.js')} run --decision cutover`);
process.exit(result.status ?? 3);
