// Test counts from the closing lines of common runners, so "tests passed" means tests ran.

import type { TestCounts } from '../evidence.js';
import { stripAnsi } from './ansi.js';

/** Counts from a "N passed, N failed, N skipped, N todo" style summary. */
const summaryCounts = (runner: string, summary: string): TestCounts => ({
  runner,
  passed: countOf(summary, 'passed'),
  failed: countOf(summary, 'failed'),
  skipped: countOf(summary, 'skipped') + countOf(summary, 'todo'),
});

type Parser = (text: string) => TestCounts | undefined;

const num = (value: string | undefined) => (value === undefined ? 0 : Number(value));
/** The N of "N <word>" in a runner's summary line, 0 when absent. */
const countOf = (summary: string, word: string) =>
  num(new RegExp(`(\\d+) ${word}`).exec(summary)?.[1]);
const lastMatch = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].at(-1);

// Order matters: the more specific formats first.
const PARSERS: Parser[] = [
  function cargo(text) {
    const results = [
      ...text.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/g),
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
  function jest(text) {
    const m = lastMatch(text, /^Tests:\s+(.*?)(\d+) total/gm);
    if (!m) return undefined;
    return summaryCounts('jest', m[1]!);
  },
  function vitest(text) {
    const m = lastMatch(text, /^\s*Tests\s+((?:\d+ \w+(?: \| )?)+)\s*\(\d+\)/gm);
    if (!m) return undefined;
    return summaryCounts('vitest', m[1]!);
  },
  function pytest(text) {
    const m = lastMatch(
      text,
      /^=+ (.*?\d+ (?:passed|failed|error|errors|skipped).*?) in [\d.]+m?s/gm,
    );
    if (!m) return undefined;
    return {
      runner: 'pytest',
      passed: countOf(m[1]!, 'passed'),
      failed: countOf(m[1]!, 'failed') + countOf(m[1]!, 'errors?'),
      skipped: countOf(m[1]!, 'skipped'),
    };
  },
  function mocha(text) {
    const passing = lastMatch(text, /^\s*(\d+) passing \(/gm);
    if (!passing) return undefined;
    return {
      runner: 'mocha',
      passed: num(passing[1]),
      failed: num(lastMatch(text, /^\s*(\d+) failing/gm)?.[1]),
      skipped: num(lastMatch(text, /^\s*(\d+) pending/gm)?.[1]),
    };
  },
  function nodeTest(text) {
    const pass = lastMatch(text, /^(?:#|ℹ) pass (\d+)/gm);
    if (!pass) return undefined;
    return {
      runner: 'node',
      passed: num(pass[1]),
      failed: num(lastMatch(text, /^(?:#|ℹ) fail (\d+)/gm)?.[1]),
      skipped: num(lastMatch(text, /^(?:#|ℹ) skipped (\d+)/gm)?.[1]),
    };
  },
  function bun(text) {
    const ran = lastMatch(text, /^\s*Ran (\d+) tests? across/gm);
    const pass = lastMatch(text, /^\s*(\d+) pass\s*$/gm);
    if (!ran && !pass) return undefined;
    return {
      runner: 'bun',
      passed: num(pass?.[1]),
      failed: num(lastMatch(text, /^\s*(\d+) fail\s*$/gm)?.[1]),
      skipped: num(lastMatch(text, /^\s*(\d+) skip\s*$/gm)?.[1]),
    };
  },
  function goTest(text) {
    const passed = text.match(/^\s*--- PASS: /gm)?.length ?? 0;
    const failed = text.match(/^\s*--- FAIL: /gm)?.length ?? 0;
    if (passed + failed > 0) return { runner: 'go', passed, failed };
    const okPackages = text.match(/^ok\s+\S+\s+[\d.]+s/gm)?.length ?? 0;
    const failPackages = text.match(/^FAIL\s+\S+\s+[\d.]+s/gm)?.length ?? 0;
    return okPackages + failPackages > 0
      ? { runner: 'go (packages)', passed: okPackages, failed: failPackages }
      : undefined;
  },
  function plain(text) {
    const m = lastMatch(text, /(\d+) passed, (\d+) failed/g);
    return m ? { runner: 'plain', passed: num(m[1]), failed: num(m[2]) } : undefined;
  },
];

/** Parses test counts from a command's output tail; null when no runner's closing line is there. */
export function parseTestCounts(output: string): TestCounts | null {
  const text = stripAnsi(output);
  for (const parse of PARSERS) {
    const counts = parse(text);
    if (counts) return counts;
  }
  return null;
}
