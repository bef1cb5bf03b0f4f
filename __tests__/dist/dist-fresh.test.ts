// dist/ is what the runner executes; it must be exactly what src/ builds to.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without types
import { bundle, CHUNK_DIR, ENTRIES } from '../../scripts/bundle.mjs';

describe('dist/', () => {
  it('is current with src/ (run `npm run build` and commit dist/ if this fails)', async () => {
    const fresh = (await bundle({ write: false })) as Record<string, string>;
    for (const { outfile } of ENTRIES as { outfile: string }[]) expect(fresh[outfile]).toBeDefined();
    // Every output (entries and chunks) is committed as built, and no chunk is left over.
    const chunks = readdirSync(CHUNK_DIR as string).map((name) => `${CHUNK_DIR as string}/${name}`);
    expect(chunks.sort()).toEqual(Object.keys(fresh).filter((p) => p.startsWith(`${CHUNK_DIR as string}/`)).sort());
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
