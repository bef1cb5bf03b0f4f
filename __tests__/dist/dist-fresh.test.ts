// dist/ is what the runner executes; it must be exactly what src/ builds to.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without types
import { bundle, ENTRIES } from '../../scripts/bundle.mjs';

describe('dist/', () => {
  it('is current with src/ (run `npm run build` and commit dist/ if this fails)', async () => {
    const fresh = (await bundle({ write: false })) as Record<string, string>;
    for (const { outfile } of ENTRIES as { outfile: string }[]) {
      const committed = readFileSync(outfile, 'utf8');
      expect(committed === fresh[outfile], `${outfile} is stale`).toBe(true);
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
