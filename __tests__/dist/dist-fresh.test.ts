// dist/ is what the runner executes; it must be exactly what src/ builds to.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without types
import { bundle, ENTRIES } from '../../scripts/bundle.mjs';

describe('dist/', () => {
  it('is current with src/ (run `npm run build` and commit dist/ if this fails)', async () => {
    const fresh = (await bundle({ write: false })) as Record<string, string>;
    for (const { outfile } of ENTRIES as { outfile: string }[]) expect(fresh[outfile]).toBeDefined();
    // Every output is committed as built, and dist/ holds nothing else (a file left from an
    // earlier build, e.g. a chunk, would ship unchecked).
    const committed = readdirSync('dist', { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => `${entry.parentPath}/${entry.name}`);
    expect(committed.sort()).toEqual(Object.keys(fresh).sort());
    for (const [path, text] of Object.entries(fresh)) {
      const committed = readFileSync(path, 'utf8');
      expect(committed === text, `${path} is stale`).toBe(true);
    }
  });
});

describe('src/core/schema/generated/builtin-validators.cjs', () => {
  it('is what schemas/*.schema.json precompile to (run `npm run build` if this fails)', async () => {
    // @ts-expect-error: plain ESM build script without types
    const { generateValidators, OUTPUT } = await import('../../scripts/generate-validators.mjs');
    expect(readFileSync(OUTPUT, 'utf8') === generateValidators(), 'generated validators are stale').toBe(true);
  });
});

describe('src/core/schema/generated/meta-validators.cjs', () => {
  it("is what the drafts' meta-schemas precompile to (run `npm run build` if this fails)", async () => {
    // @ts-expect-error: plain ESM build script without types
    const { generateMetaValidators, META_OUTPUT } = await import('../../scripts/generate-validators.mjs');
    expect(readFileSync(META_OUTPUT, 'utf8') === generateMetaValidators(), 'meta validators are stale').toBe(
      true,
    );
  });
});
