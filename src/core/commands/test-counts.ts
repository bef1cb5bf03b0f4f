// Test counts from the closing lines of common runners, so "tests passed" means tests ran. Each
// runner's summary is matched in the shapes the real tool prints, including the less common ones:
// cached `go test` packages, pytest's deselected/xfailed/xpassed and "no tests ran", jest and
// vitest todo, cargo's several `test result:` lines (unit, integration, doc-tests), bun's todo,
// mocha's pending, node's cancelled.

import type { TestCounts } from '../evidence.js';
import { stripAnsi } from './ansi.js';

type Parser = (text: string) => TestCounts | undefined;

const num = (value: string | undefined) => (value === undefined ? 0 : Number(value));
/** The sum of every "N <word>" in a summary for each word (words may be alternations). */
const countOf = (summary: string, ...words: string[]) =>
  words.reduce(
    (sum, word) =>
      sum +
      [...summary.matchAll(new RegExp(`(\\d+) (?:${word})\\b`, 'g'))].reduce(
        (s, m) => s + num(m[1]),
        0,
      ),
    0,
  );
const lastMatch = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].at(-1);
const countLines = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

// Order matters: the more specific formats first.
const PARSERS: Parser[] = [
  function cargo(text) {
    // One `test result:` per test binary, doc-tests included: the run is their sum.
    const results = [
      ...text.matchAll(/^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/gm),
    ];
    if (results.length === 0) return undefined;
    return results.reduce<TestCounts>(
      (sum, m) => ({
        runner: 'cargo',
        passed: sum.passed + num(m[1]),
        failed: sum.failed + num(m[2]),
        skipped: (sum.skipped ?? 0) + num(m[3]),
      }),
      { runner: 'cargo', passed: 0, failed: 0, skipped: 0 },
    );
  },
  function nextest(text) {
    const m = lastMatch(text, /^\s*Summary \[[^\]]*\]\s+\d+ tests? run: (.*)$/gm);
    if (!m) return undefined;
    return summary('cargo-nextest', m[1]!);
  },
  function jest(text) {
    const m = lastMatch(text, /^Tests:\s+(.*?)(\d+) total/gm);
    return m ? summary('jest', m[1]!) : undefined;
  },
  function vitest(text) {
    const m = lastMatch(text, /^\s*Tests\s+((?:\d+ [a-z ]+?(?: \| )?)+)\s*\(\d+\)\s*$/gm);
    return m ? summary('vitest', m[1]!) : undefined;
  },
  function pytest(text) {
    // `===== 3 passed, 1 xfailed in 0.12s =====`, or bare with -q, or `no tests ran`.
    const m = lastMatch(
      text,
      /^(?:=+ )?((?:\d+ (?:passed|failed|errors?|skipped|deselected|xfailed|xpassed|warnings?|rerun)(?:, )?)+|no tests ran) in [\d.]+m?s(?: \([\d:]+\))?(?: =+)?\s*$/gm,
    );
    if (!m) return undefined;
    return {
      runner: 'pytest',
      passed: countOf(m[1]!, 'passed', 'xpassed'),
      failed: countOf(m[1]!, 'failed', 'errors?'),
      skipped: countOf(m[1]!, 'skipped', 'xfailed', 'deselected'),
    };
  },
  function mocha(text) {
    const passing = lastMatch(text, /^\s*(\d+) passing \(/gm);
    if (!passing) return undefined;
    return {
      runner: 'mocha',
      passed: num(passing[1]),
      failed: num(lastMatch(text, /^\s*(\d+) failing\s*$/gm)?.[1]),
      skipped: num(lastMatch(text, /^\s*(\d+) pending\s*$/gm)?.[1]),
    };
  },
  function nodeTest(text) {
    const pass = lastMatch(text, /^(?:#|ℹ) pass (\d+)/gm);
    if (!pass) return undefined;
    const last = (word: string) =>
      num(lastMatch(text, new RegExp(`^(?:#|ℹ) ${word} (\\d+)`, 'gm'))?.[1]);
    return {
      runner: 'node',
      passed: num(pass[1]),
      failed: last('fail') + last('cancelled'),
      skipped: last('skipped') + last('todo'),
    };
  },
  function bun(text) {
    const ran = lastMatch(text, /^\s*Ran (\d+) tests? across/gm);
    const pass = lastMatch(text, /^\s*(\d+) pass\s*$/gm);
    if (!ran && !pass) return undefined;
    const last = (word: string) =>
      num(lastMatch(text, new RegExp(`^\\s*(\\d+) ${word}\\s*$`, 'gm'))?.[1]);
    return {
      runner: 'bun',
      passed: num(pass?.[1]),
      failed: last('fail'),
      skipped: last('skip') + last('todo'),
    };
  },
  goTest,
  function plain(text) {
    const m = lastMatch(text, /(\d+) passed, (\d+) failed/g);
    return m ? { runner: 'plain', passed: num(m[1]), failed: num(m[2]) } : undefined;
  },
];

/** "N passed, N failed, N skipped, N todo" (jest, vitest, nextest), in any order. */
function summary(runner: string, text: string): TestCounts {
  return {
    runner,
    passed: countOf(text, 'passed'),
    failed: countOf(text, 'failed'),
    skipped: countOf(text, 'skipped', 'todo'),
  };
}

/**
 * `go test`: with -v, the `--- PASS/FAIL/SKIP` lines; without, one line per package. A cached
 * package (`ok pkg (cached)`) passed in an earlier run with the same inputs: it counts as passed,
 * and the counts say so. Only `? pkg [no test files]` everywhere means no tests.
 */
function goTest(text: string): TestCounts | undefined {
  const okPackages = countLines(text, /^ok\s+\S+\s+(?:[\d.]+s|\(cached\))/gm);
  const cached = countLines(text, /^ok\s+\S+\s+\(cached\)/gm);
  const failPackages = countLines(text, /^FAIL\s+\S+\s+(?:[\d.]+s|\(cached\)|\[[^\]]+\])/gm);
  const noTestFiles = countLines(text, /^\?\s+\S+\s+\[no test files\]/gm);
  const note =
    cached > 0
      ? `${cached} of ${okPackages} passing packages cached (passed earlier with the same inputs)`
      : undefined;
  const passed = countLines(text, /^\s*--- PASS: /gm);
  const failed = countLines(text, /^\s*--- FAIL: /gm);
  if (passed + failed > 0)
    return {
      runner: 'go',
      passed,
      failed,
      skipped: countLines(text, /^\s*--- SKIP: /gm),
      ...(note ? { note } : {}),
    };
  if (okPackages + failPackages > 0)
    return {
      runner: 'go (packages)',
      passed: okPackages,
      failed: failPackages,
      ...(note ? { note } : {}),
    };
  if (noTestFiles > 0)
    return {
      runner: 'go',
      passed: 0,
      failed: 0,
      note: `${noTestFiles} packages, none with test files`,
    };
  return undefined;
}

/** Parses test counts from a command's output tail; null when no runner's closing line is there. */
export function parseTestCounts(output: string): TestCounts | null {
  const text = stripAnsi(output).replace(/\r\n?/g, '\n');
  for (const parse of PARSERS) {
    const counts = parse(text);
    if (counts) return counts;
  }
  return null;
}
