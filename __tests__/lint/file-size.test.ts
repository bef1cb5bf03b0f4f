// Small files with one job: no source file over 220 lines (issue 12). Generated code is exempt,
// and so are the scratch folders layering.test.ts writes into src/ while it runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const LIMIT = 220;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // generated/: built code; __…__: scratch folders another lint test writes and removes.
    if (entry.isDirectory())
      return entry.name === 'generated' || /^__.*__$/.test(entry.name) ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('src/', () => {
  it(`has no file over ${LIMIT} lines (split where a seam exists)`, () => {
    const files = sources(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((file) => ({
        file: relative(ROOT, file),
        lines: readFileSync(file, 'utf8').split('\n').length - 1,
      }))
      .filter(({ lines }) => lines > LIMIT);
    expect(long).toEqual([]);
  });
});
