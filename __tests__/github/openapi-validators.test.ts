// The fake GitHub validates with precompiled code; it must be what the description compiles to.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without types
import { headerLine, inputsDigest, OUTPUT } from '../../scripts/generate-openapi-validators.mjs';
import { validateAgainst } from './openapi.js';

describe('fixtures/openapi-validators.cjs', () => {
  it('was made from the current description and recipe, and not edited since (run `node scripts/generate-openapi-validators.mjs` if this fails)', () => {
    const text = readFileSync(OUTPUT as URL, 'utf8');
    const newline = text.indexOf('\n');
    expect(text.slice(0, newline)).toBe(
      (headerLine as (inputs: string, body: string) => string)(
        (inputsDigest as () => string)(),
        text.slice(newline + 1),
      ),
    );
  });

  it('rejects what the description forbids and accepts what it documents', () => {
    const checkRun = { $ref: '#/components/schemas/check-run' };
    expect(validateAgainst(checkRun, { id: 'not a number' }).length).toBeGreaterThan(0);
    const status = { type: 'object', properties: { value: { type: 'integer' } } };
    expect(validateAgainst(status, { value: '12' }, true)).toEqual([]);
    expect(validateAgainst(status, { value: 'twelve' }, true)).toEqual(['/value must be integer']);
  });
});
