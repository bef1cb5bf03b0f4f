// The layering lint bites: the project's own ESLint config, through the Node API, on small files
// placed (virtually) in each layer. Every spelling of an upward import must fail. And the import
// graph has no cycles: import-x/no-cycle on two small files written (briefly) under src/ so the
// resolver can follow them both ways. The rule lets a cycle of type-only imports pass (it vanishes
// at run time); import-graph.test.ts refuses those too. One file for both: loading ESLint and the TypeScript parser is most of their cost, and
// two files would each pay it in their own worker.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
// Without import-x/no-cycle, which parses every module the snippet reaches (most of src/, about
// a second per layer) and has its own tests (below); the layering rules resolve
// paths only, as configured.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: { rules: { 'import-x/no-cycle': 'off' } },
});

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('layering lint', () => {
  it.each([
    ['src/core/checks/x.ts', "import { createGit } from '../../adapters/git.js';"],
    ['src/core/checks/x.ts', "import { createGit } from '../../adapters/git.js';"],
    ['src/core/x.ts', "import { runGate } from '../app/run-gate.js';"],
    ['src/core/x.ts', "import { INPUTS } from '../action/constants.js';"],
    ['src/app/x.ts', "import { INPUTS } from '../action/constants.js';"],
    ['src/app/x.ts', "import { createGit } from '../adapters/git.js';"],
    ['src/adapters/x.ts', "import { USAGE } from '../cli/args.js';"],
    ['src/adapters/github/x.ts', "import { INPUTS } from '../../action/constants.js';"],
    ['src/cli/x.ts', "import { INPUTS } from '../action/constants.js';"],
  ])('%s may not: %s', async (path, line) => {
    expect(
      await violations(path, `${line}\nexport const used = [${importedName(line)}];\n`),
    ).toEqual(['import-x/no-restricted-paths']);
  });

  it.each([
    ["import { readFileSync } from 'node:fs';", 'readFileSync', 'import-x/no-nodejs-modules'],
    ["import { spawn } from 'child_process';", 'spawn', 'import-x/no-nodejs-modules'],
    ["const fs = async () => import('node:fs');", 'fs', 'import-x/no-nodejs-modules'],
    ["import * as core from '@actions/core';", 'core', 'no-restricted-imports'],
    ['const env = () => process.env;', 'env', 'no-restricted-globals'],
    ['const env = () => globalThis.process.env;', 'env', 'no-restricted-globals'],
  ])('app/ may not reach the outside directly: %s', async (line, name, rule) => {
    expect(await violations('src/app/x.ts', `${line}\nexport const used = [${name}];\n`)).toEqual([
      rule,
    ]);
  });

  it.each([
    ["import { readFileSync } from 'node:fs';", 'readFileSync', 'import-x/no-nodejs-modules'],
    ["import { createRequire } from 'module';", 'createRequire', 'import-x/no-nodejs-modules'],
    ["const fs = async () => import('fs');", 'fs', 'import-x/no-nodejs-modules'],
    ['const t = () => performance.now();', 't', 'no-restricted-globals'],
    ['const t = () => globalThis.process.exit(1);', 't', 'no-restricted-globals'],
  ])('core/ may not reach the outside either (it is pure): %s', async (line, name, rule) => {
    expect(await violations('src/core/x.ts', `${line}\nexport const used = [${name}];\n`)).toEqual([
      rule,
    ]);
  });

  it('only a front door ends the process', async () => {
    const exit = 'export const stop = () => process.exit(1);\n';
    for (const path of ['src/app/run.ts', 'src/adapters/x.ts', 'src/adapters/github/x.ts'])
      expect(await violations(path, exit), path).toContain('no-restricted-properties');
    for (const path of ['src/cli/x.ts', 'src/action/x.ts'])
      expect(await violations(path, exit), path).toEqual([]);
  });

  it('an import that does not resolve is an error (it would slip past the paths rule)', async () => {
    expect(
      await violations(
        'src/core/x.ts',
        "import { x } from '../adapters/nope.js';\nexport const y = x;\n",
      ),
    ).toContain('import-x/no-unresolved');
  });

  it('imports that follow the layering pass', async () => {
    expect(
      await violations(
        'src/app/x.ts',
        "import type { Ports } from './ports.js';\nimport { judge } from '../core/judge.js';\nexport type P = Ports;\nexport const j = judge;\n",
      ),
    ).toEqual([]);
    expect(
      await violations(
        'src/adapters/x.ts',
        "import type { Ports } from '../app/ports.js';\nexport type P = Ports;\n",
      ),
    ).toEqual([]);
  });
});

function importedName(line: string): string {
  return /\{ (\w+) \}/.exec(line)![1]!;
}

const DIR = join(ROOT, 'src', 'core', `__cycle_test_${process.pid}__`);
const withCycles = new ESLint({ cwd: ROOT });
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** Writes a.ts and b.ts, each importing the other with `kind`, and lints a.ts. */
async function cycleRules(kind: 'import' | 'import type'): Promise<string[]> {
  mkdirSync(DIR, { recursive: true });
  const file = (self: string, other: string) =>
    kind === 'import'
      ? `import { ${other} } from './${other}.js';\nexport const ${self} = () => ${other};\n`
      : `import type { ${other.toUpperCase()} } from './${other}.js';\nexport type ${self.toUpperCase()} = { next?: ${other.toUpperCase()} };\n`;
  writeFileSync(join(DIR, 'a.ts'), file('a', 'b'));
  writeFileSync(join(DIR, 'b.ts'), file('b', 'a'));
  const [result] = await withCycles.lintFiles([join(DIR, 'a.ts')]);
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('import cycles', () => {
  it('a runtime import cycle fails lint', async () => {
    expect(await cycleRules('import')).toContain('import-x/no-cycle');
  });

  it('the lint lets a cycle of type-only imports pass (import-graph.test.ts refuses it)', async () => {
    expect(await cycleRules('import type')).not.toContain('import-x/no-cycle');
  });
});
