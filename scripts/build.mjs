// `npm run build`: writes dist/index.js (Action) and dist/cli.js (CLI, executable).
import { chmodSync } from 'node:fs';
import { bundle } from './bundle.mjs';

await bundle({ write: true });
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
