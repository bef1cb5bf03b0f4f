// Runners' closing lines in the shapes the real tools print, including the less common ones.
// (Full captured-shaped outputs are in __tests__/field/fixtures/runners/outputs, run through dist.)
import { describe, expect, it } from 'vitest';
import { parseTestCounts } from '../../src/core/commands/test-counts.js';

describe('parseTestCounts', () => {
  it.each([
    [
      'go: every package cached',
      'ok  \ta/b\t(cached)\nok  \ta/c\t(cached)\n',
      {
        runner: 'go (packages)',
        passed: 2,
        failed: 0,
        note: expect.stringContaining('2 of 2 passing packages cached'),
      },
    ],
    [
      'go: cached with coverage, mixed',
      '?   \ta/cmd\t[no test files]\nok  \ta/b\t0.01s\nok  \ta/c\t(cached)\tcoverage: 80.0% of statements\nFAIL\ta/d\t0.02s\n',
      { passed: 2, failed: 1, note: expect.stringContaining('1 of 2') },
    ],
    [
      'go: build failure is a failed package',
      'FAIL\ta/b [build failed]\n',
      { passed: 0, failed: 1 },
    ],
    [
      'go: no test files anywhere is zero tests',
      '?   \ta/b\t[no test files]\n',
      { runner: 'go', passed: 0, failed: 0 },
    ],
    [
      'go -v with cached replay',
      '=== RUN   TestA\n--- PASS: TestA (0.00s)\n--- SKIP: TestB (0.00s)\nok  \ta/b\t(cached)\n',
      { runner: 'go', passed: 1, failed: 0, skipped: 1 },
    ],
    [
      'pytest deselected',
      '==== 3 passed, 5 deselected in 0.04s ====',
      { runner: 'pytest', passed: 3, failed: 0, skipped: 5 },
    ],
    ['pytest all deselected', '==== 7 deselected in 0.02s ====', { passed: 0, failed: 0 }],
    ['pytest no tests ran', '==== no tests ran in 0.01s ====', { passed: 0, failed: 0 }],
    [
      'pytest xfailed/xpassed',
      '=== 4 passed, 1 xfailed, 1 xpassed in 0.31s ===',
      { passed: 5, failed: 0, skipped: 1 },
    ],
    [
      'pytest errors',
      '=== 1 failed, 2 passed, 1 warning, 2 errors in 1.20s ===',
      { passed: 2, failed: 3 },
    ],
    ['pytest -q', '12 passed, 1 skipped in 0.45s', { runner: 'pytest', passed: 12, skipped: 1 }],
    ['pytest long run', '==== 40 passed in 75.12s (0:01:15) ====', { passed: 40 }],
    [
      'jest skipped and todo',
      'Tests:       2 skipped, 1 todo, 5 passed, 8 total',
      { runner: 'jest', passed: 5, skipped: 3 },
    ],
    [
      'vitest todo',
      '      Tests  5 passed | 1 skipped | 2 todo (8)',
      { runner: 'vitest', passed: 5, skipped: 3 },
    ],
    [
      'vitest failures',
      '      Tests  1 failed | 4 passed (5)',
      { runner: 'vitest', passed: 4, failed: 1 },
    ],
    [
      'cargo with doc-tests',
      'test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n   Doc-tests x\ntest result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.2s\n',
      { runner: 'cargo', passed: 3, skipped: 1 },
    ],
    [
      'cargo nextest',
      '     Summary [   0.010s] 6 tests run: 5 passed, 1 skipped',
      { runner: 'cargo-nextest', passed: 5, skipped: 1 },
    ],
    [
      'bun todo',
      ' 5 pass\n 1 skip\n 1 todo\n 0 fail\nRan 7 tests across 2 files. [15.00ms]\n',
      { runner: 'bun', passed: 5, failed: 0, skipped: 2 },
    ],
    [
      'mocha pending',
      '  3 passing (12ms)\n  2 pending\n',
      { runner: 'mocha', passed: 3, skipped: 2 },
    ],
    ['mocha all pending', '  0 passing (2ms)\n  4 pending\n', { passed: 0, skipped: 4 }],
    [
      'node cancelled and todo',
      'ℹ tests 4\nℹ pass 2\nℹ fail 0\nℹ cancelled 1\nℹ skipped 0\nℹ todo 1\n',
      { runner: 'node', passed: 2, failed: 1, skipped: 1 },
    ],
    ['CRLF output', '==== 2 passed in 0.1s ====\r\n', { runner: 'pytest', passed: 2 }],
  ])('%s', (_, output, expected) => {
    expect(parseTestCounts(output)).toMatchObject(expected);
  });
  it('no closing line is null', () => expect(parseTestCounts('building…\ndone\n')).toBeNull());
});
