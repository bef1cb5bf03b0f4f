// Tests that check no process outlived a run look for `sleep <marker>` among the whole machine's
// processes, while other test files run beside them in other workers. A marker two files use lets
// one file's live sleep fail the other's check (seen: process-runner's daemon and the runner's
// abort test both slept 300.75). So each long sleep's duration names one file only.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const TESTS = join(import.meta.dirname, '..');
/**
 * A sleep long enough to be a marker: 100 s or more (short sleeps only pace output), also as a
 * regular expression's source spells it (`sleep 300\.81`).
 */
const MARKER = /\bsleep (\d{3,}(?:\\?\.\d+)?)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|sh|mjs|ya?ml)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('process markers', () => {
  it('each long sleep duration is used by one test file only', () => {
    const files = sourceFiles(TESTS).filter((file) => file !== import.meta.filename);
    const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
    // A fixture's sleeps belong to the test files that name the fixture.
    const owners = (file: string): string[] =>
      file.includes('/fixtures/')
        ? files.filter((other) => other !== file && texts.get(other)!.includes(basename(file)))
        : [file];
    const users = new Map<string, Set<string>>();
    for (const [file, text] of texts) {
      const markers = [...text.matchAll(MARKER)].map(([, spelled]) => spelled!.replace('\\', ''));
      if (markers.length === 0) continue;
      const named = owners(file).map((owner) => relative(TESTS, owner));
      for (const marker of markers)
        users.set(marker, new Set([...(users.get(marker) ?? []), ...named]));
    }
    expect(users.size).toBeGreaterThan(5);
    const shared = [...users]
      .filter(([, files]) => files.size > 1)
      .map(([marker, files]) => `${marker}: ${[...files].join(', ')}`);
    expect(shared).toEqual([]);
  });
});
