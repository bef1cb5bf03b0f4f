import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBodySource, isPlaceholderBody } from '../../src/core/commands/command-body.js';
import { describe, expect, it } from 'vitest';
import { parseTestCounts } from '../../src/core/commands/test-counts.js';
import { isPlaceholderCommand } from '../../src/core/commands/placeholder.js';
import { explainExit, findErrorLines } from '../../src/core/commands/explain-exit.js';

describe('parseTestCounts', () => {
  it.each([
    [
      'cargo (summed over binaries)',
      'test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.1s\ntest result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured',
      { runner: 'cargo', passed: 15, failed: 2, skipped: 1 },
    ],
    [
      'node (TAP)',
      '# tests 4\n# pass 3\n# fail 1\n# skipped 0',
      { runner: 'node', passed: 3, failed: 1, skipped: 0 },
    ],
    [
      'node (spec)',
      'ℹ tests 3\nℹ pass 3\nℹ fail 0',
      { runner: 'node', passed: 3, failed: 0, skipped: 0 },
    ],
    [
      'vitest',
      ' Test Files  2 passed (2)\n      Tests  1 failed | 11 passed | 2 skipped (14)',
      { runner: 'vitest', passed: 11, failed: 1, skipped: 2 },
    ],
    [
      'vitest with colours',
      '\u001b[2m      Tests \u001b[22m \u001b[1m\u001b[32m47 passed\u001b[39m\u001b[22m\u001b[90m (47)\u001b[39m',
      { runner: 'vitest', passed: 47, failed: 0, skipped: 0 },
    ],
    [
      'jest',
      'Tests:       1 failed, 2 skipped, 11 passed, 14 total',
      { runner: 'jest', passed: 11, failed: 1, skipped: 2 },
    ],
    [
      'pytest',
      '==================== 31 passed, 1 skipped in 0.12s ====================',
      { runner: 'pytest', passed: 31, failed: 0, skipped: 1 },
    ],
    [
      'pytest with failures',
      '=========== 2 failed, 29 passed in 1.05s ===========',
      { runner: 'pytest', passed: 29, failed: 2, skipped: 0 },
    ],
    [
      'go test -v',
      '=== RUN   TestA\n--- PASS: TestA (0.00s)\n--- FAIL: TestB (0.00s)\nFAIL',
      { runner: 'go', passed: 1, failed: 1, skipped: 0 },
    ],
    [
      'go test (packages)',
      'ok  \texample.com/a\t0.012s\nok  \texample.com/b\t0.020s',
      { runner: 'go (packages)', passed: 2, failed: 0 },
    ],
    [
      'bun test',
      ' 1 pass\n 0 fail\n 3 expect() calls\nRan 1 tests across 1 files. [12.00ms]',
      { runner: 'bun', passed: 1, failed: 0, skipped: 0 },
    ],
    [
      'mocha',
      '  5 passing (20ms)\n  1 pending\n  2 failing',
      { runner: 'mocha', passed: 5, failed: 2, skipped: 1 },
    ],
    ['plain', 'preflight: 13 passed, 0 failed', { runner: 'plain', passed: 13, failed: 0 }],
  ])('%s', (_name, output, expected) => {
    expect(parseTestCounts(output)).toEqual(expected);
  });

  it('returns null when no runner closing line is there', () => {
    expect(parseTestCounts('build ok\nall done')).toBeNull();
  });
});

describe('isPlaceholderCommand', () => {
  it.each([
    ['true', true],
    [':', true],
    ['exit 0', true],
    ['echo "frontend build placeholder"', true],
    ['echo building && true', true],
    ['npm test', false],
    ['echo start && npm test', false],
    ['bash -n deploy/x.sh', false],
  ])('%s → %s', (run, expected) => {
    expect(isPlaceholderCommand(run)).toBe(expected);
  });
});

describe('explainExit', () => {
  it.each([
    [
      { exitCode: 127, signal: null, timedOut: false },
      'exited 127 (command not found (check PATH and the spelling))',
    ],
    [
      { exitCode: 126, signal: null, timedOut: false },
      'exited 126 (found but not executable (check the file mode: chmod +x))',
    ],
    [
      { exitCode: 137, signal: null, timedOut: false },
      'exited 137 (killed (SIGKILL), often out of memory)',
    ],
    [{ exitCode: 143, signal: null, timedOut: false }, 'exited 143 (terminated (SIGTERM))'],
    [{ exitCode: 3, signal: null, timedOut: false }, 'exited 3'],
    // Only 129–192 can be 128 + a signal number; 254 is an ordinary exit code.
    [{ exitCode: 254, signal: null, timedOut: false }, 'exited 254'],
    [
      { exitCode: 130 + 4, signal: null, timedOut: false },
      'exited 134 (a child was probably killed by signal 6)',
    ],
    [
      { exitCode: 127, signal: null, timedOut: false, crlfShebang: true },
      'exited 127 (the script has Windows line endings (\\r after the shebang), so its interpreter is not found: convert it to LF, e.g. dos2unix, and add `*.sh text eol=lf` to .gitattributes)',
    ],
    [
      { exitCode: null, signal: 'SIGKILL', timedOut: false },
      'ended by signal SIGKILL (killed, often out of memory)',
    ],
    [
      { exitCode: null, signal: null, timedOut: true, timeoutMs: 2000 },
      'timed out after 2s and was killed with its process group',
    ],
  ])('%j', (result, text) => {
    expect(explainExit(result)).toBe(text);
  });

  it('keeps the error-looking lines of the output', () => {
    expect(
      findErrorLines('compiling\nerror[E0308]: mismatched types\nok\nFAILED: 2 tests'),
    ).toEqual(['error[E0308]: mismatched types', 'FAILED: 2 tests']);
  });

  it('keeps the assertion line of a failing node test first, without the bare YAML opener', () => {
    const tap = [
      'not ok 1 - adds',
      "  failureType: 'testCodeFailure'",
      '  error: |-',
      '    Expected values to be strictly equal:',
      '    12 !== 13',
      '# fail 1',
    ].join('\n');
    const lines = findErrorLines(tap, 3);
    expect(lines).toContain('    12 !== 13');
    expect(lines).not.toContain('  error: |-');
  });
});

describe('placeholder bodies behind npm scripts and script files', () => {
  it.each([
    [
      'npm run build:frontend',
      'web',
      { path: 'web/package.json', kind: 'package-script', name: 'build:frontend' },
    ],
    ['pnpm lint', '.', { path: 'package.json', kind: 'package-script', name: 'lint' }],
    ['yarn run test', '.', { path: 'package.json', kind: 'package-script', name: 'test' }],
    ['./scripts/build.sh', '.', { path: 'scripts/build.sh', kind: 'script-file' }],
    ['bash deploy/preflight.sh', 'ops', { path: 'ops/deploy/preflight.sh', kind: 'script-file' }],
    ['bun test', '.', undefined],
    ['/usr/local/bin/check.sh', '.', undefined],
    ['npm run build && npm test', '.', undefined],
  ])('%s in %s', (run, cwd, expected) => {
    expect(findBodySource(run, cwd)).toEqual(expected);
  });

  it('reads package.json scripts and script files', () => {
    const pkg = JSON.stringify({
      scripts: { 'build:frontend': 'echo frontend build placeholder', build: 'tsc -p .' },
    });
    expect(
      isPlaceholderBody(
        { path: 'package.json', kind: 'package-script', name: 'build:frontend' },
        pkg,
      ),
    ).toBe(true);
    expect(
      isPlaceholderBody({ path: 'package.json', kind: 'package-script', name: 'build' }, pkg),
    ).toBe(false);
    expect(
      isPlaceholderBody({ path: 'package.json', kind: 'package-script', name: 'missing' }, pkg),
    ).toBe(false);
    const script = readFileSync(
      join(import.meta.dirname, '..', 'adapters', 'fixtures', 'placeholder.sh'),
      'utf8',
    );
    expect(isPlaceholderBody({ path: 'placeholder.sh', kind: 'script-file' }, script)).toBe(true);
    const real = readFileSync(
      join(import.meta.dirname, '..', 'adapters', 'fixtures', 'exits-1.sh'),
      'utf8',
    );
    expect(isPlaceholderBody({ path: 'exits-1.sh', kind: 'script-file' }, real)).toBe(false);
  });
});
