// The directory trees of the commands' scripts are listed into the record's input digests. What a
// listing cannot cover (a subdirectory it cannot read, files past its limit) is said, not dropped.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFsWorkspace } from '../../src/adapters/fs-workspace.js';
import { execFileSync } from '../support/shell-sync.js';

const root = mkdtempSync(join(tmpdir(), 'cc-listing-'));
// rm, not rmSync: the deep tree below is longer than PATH_MAX, which only *at() calls can walk.
afterAll(() => execFileSync('rm', ['-rf', root]));

function files(paths: string[]): void {
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), path);
  }
}

describe('listFiles', () => {
  files(['t/b.sh', 't/a.sh', 't/sub/c.sh', 't/d.sh', 't/.git/HEAD', 't/node_modules/x/i.js']);
  const workspace = createFsWorkspace(root);

  it('lists every file in path order, skipping .git and node_modules', async () => {
    expect(await workspace.listFiles!('t', 4)).toEqual({
      files: ['t/a.sh', 't/b.sh', 't/d.sh', 't/sub/c.sh'],
      leftOut: [],
    });
  });

  it('says which files are past the limit instead of stopping quietly', async () => {
    expect(await workspace.listFiles!('t', 2)).toEqual({
      files: ['t/a.sh', 't/b.sh'],
      leftOut: ['t/d.sh and the files after it in t/ (it has more than 2 files)'],
    });
    // The limit counts files across subdirectories, and stops the whole walk.
    expect((await workspace.listFiles!('t', 3)).leftOut).toEqual([
      't/sub/c.sh and the files after it in t/ (it has more than 3 files)',
    ]);
  });

  it('lists symlinks to files (read and guarded later), not those to directories', async () => {
    files(['links/real.sh', 'elsewhere/x.sh']);
    symlinkSync('real.sh', join(root, 'links', 'to-file'));
    symlinkSync('../elsewhere', join(root, 'links', 'to-dir'));
    symlinkSync('nowhere', join(root, 'links', 'dangling'));
    expect(await workspace.listFiles!('links', 10)).toEqual({
      files: ['links/dangling', 'links/real.sh', 'links/to-file'],
      leftOut: [],
    });
  });

  it('lists nothing, and says nothing, for a directory that is not there', async () => {
    expect(await workspace.listFiles!('absent', 10)).toEqual({ files: [], leftOut: [] });
    expect(await workspace.listFiles!('t/a.sh', 10)).toEqual({ files: [], leftOut: [] });
  });

  it('names a subdirectory it cannot read and lists the rest', async () => {
    // Twenty-five levels of 200-character names: past PATH_MAX (4096), so readdir fails with
    // ENAMETOOLONG even as root (who reads a mode-000 directory regardless).
    const name = 'n'.repeat(200);
    const cwd = process.cwd();
    try {
      // Relative steps: no absolute path this long can be passed to a system call. Synchronous,
      // so nothing else in this process runs while the working directory is not its own.
      process.chdir(root);
      for (const step of ['deep', ...Array<string>(25).fill(name)]) {
        mkdirSync(step);
        process.chdir(step);
      }
    } finally {
      process.chdir(cwd);
    }
    files(['deep/z.sh']);
    const listing = await workspace.listFiles!('deep', 10);
    expect(listing.files).toEqual(['deep/z.sh']);
    expect(listing.leftOut).toHaveLength(1);
    expect(listing.leftOut[0]).toMatch(
      new RegExp(`^the files in deep(/${name})+/ \\(it could not be listed: ENAMETOOLONG.*\\)$`),
    );
  });
});
