// Node ≥ 22.1 keeps compiled code between runs (a no-op on 20); the Action is imported after it is on.
import { enableCompileCache } from '../adapters/compile-cache.js';
enableCompileCache();
const { run } = await import('./run.js');
void run();
