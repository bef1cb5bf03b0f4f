// scripts/demo-repo.mjs's repository, built once per worker and example and then copied: a build
// is seven git processes, forked from a test worker of a few hundred MB, and a dozen test files
// build the same example. The copy is the same repository (same commits, tag, files); only the
// handoff commit's date is that of the first build of this run, not of the copy. The test that
// the release sha is reproducible calls scripts/demo-repo.mjs itself.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: plain ESM script without types
import { buildDemoRepo as build } from '../../scripts/demo-repo.mjs';
import { execFileSync } from './shell-sync.js';

const built = new Map<string, { dir: string; sha: string }>();

/** Makes `targetDir` the example's demo repository; returns the release commit's sha. */
export function buildDemoRepo(exampleDir: string, targetDir: string): string {
  const key = digest(exampleDir);
  let template = built.get(key);
  if (!template) {
    const dir = join(mkdtempSync(join(tmpdir(), 'cc-demo-template-')), 'repo');
    template = { dir, sha: build(exampleDir, dir, execFileSync) as string };
    built.set(key, template);
  }
  rmSync(targetDir, { recursive: true, force: true });
  cpSync(template.dir, targetDir, { recursive: true });
  return template.sha;
}

/** The example's path and every file's bytes: an edited example gets a build of its own. */
function digest(root: string): string {
  const hash = createHash('sha256').update(`${root}\0`);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${path}\0`).update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest('hex');
}
