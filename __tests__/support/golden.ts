// Golden files: expected output kept beside the tests. A missing golden fails (a new case without
// its expected file must not go green on CI); UPDATE_GOLDENS=1 (or UPDATE_GOLDEN=1) writes them,
// missing or not, for review in the diff.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const update = process.env.UPDATE_GOLDENS === '1' || process.env.UPDATE_GOLDEN === '1';

/** Expects `actual` to equal the file at `path`; `rerun` is the test files to name in the hint. */
export function expectGolden(path: string, actual: string, rerun: string): void {
  if (update) writeFileSync(path, actual);
  if (!existsSync(path))
    throw new Error(
      `missing golden ${path}: run UPDATE_GOLDENS=1 npx vitest run ${rerun} and review it`,
    );
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
