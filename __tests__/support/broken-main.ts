// A preload (`node --require`) that swaps what a dist entry's bundle exports for one function,
// `name`, whose body is `body` (an expression): how the tests make an entry's main reject or never
// settle without touching dist/. The entries load their bundle through vm.Script
// (src/adapters/code-cache.ts); the bundle's own top level still runs first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the preload into `dir`; returns its path. */
export function brokenMainPreload(dir: string, name: string, body: string): string {
  const path = join(dir, `broken-${name}-${process.pid}-${Date.now()}.cjs`);
  writeFileSync(
    path,
    `const vm = require('node:vm');
const run = vm.Script.prototype.runInThisContext;
vm.Script.prototype.runInThisContext = function (...args) {
  const wrapper = run.apply(this, args);
  return (exports, require, module, ...rest) => {
    wrapper(exports, require, module, ...rest);
    module.exports = { ${name}: () => ${body} };
  };
};
`,
  );
  return path;
}
