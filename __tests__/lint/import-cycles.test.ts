// The import graph has no cycles: ESLint's import-x/no-cycle, through the project's own config, on
// two small files written (briefly) under src/ so the resolver can follow them both ways. A cycle
// of type-only imports vanishes at run time and is allowed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'src', 'core', `__cycle_test_${process.pid}__`);
const eslint = new ESLint({ cwd: ROOT });
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
  const [result] = await eslint.lintFiles([join(DIR, 'a.ts')]);
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('import cycles', () => {
  it('a runtime import cycle fails lint', async () => {
    expect(await cycleRules('import')).toContain('import-x/no-cycle');
  });

  it('a cycle of type-only imports passes', async () => {
    expect(await cycleRules('import type')).not.toContain('import-x/no-cycle');
  });
});
