// The evidence directory is never written through a symlink or into a special file, and the
// workspace reader opens regular files only (a FIFO must not hang it). Real temp dirs.

import {
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createOutputDir,
  ensureOutputDirectory,
  openOutputFile,
  UnsafeOutputError,
} from '../../src/adapters/output-dir.js';
import { createFsWorkspace } from '../../src/adapters/fs-workspace.js';
import { closeSync } from 'node:fs';
import { execFileSync } from '../support/shell-sync.js';

/** A workspace and a directory outside it holding a file that must never change. */
function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'cc-out-'));
  const outside = mkdtempSync(join(tmpdir(), 'cc-outside-'));
  writeFileSync(join(outside, 'victim'), 'original\n');
  return { root, outside, victim: join(outside, 'victim') };
}

describe('output directory', () => {
  it('writes report and record into a fresh directory', async () => {
    const { root } = setUp();
    const output = createOutputDir(join(root, 'checkpoint-evidence'), root);
    const path = await output.writeFile('report.md', '# hi\n');
    expect(readFileSync(path, 'utf8')).toBe('# hi\n');
    // A second run replaces the file (a new one, not written through the old inode).
    await output.writeFile('report.md', '# again\n');
    expect(readFileSync(path, 'utf8')).toBe('# again\n');
  });

  it('refuses a committed report.md symlink that leads outside', async () => {
    const { root, victim } = setUp();
    mkdirSync(join(root, 'checkpoint-evidence'));
    symlinkSync(victim, join(root, 'checkpoint-evidence', 'report.md'));
    const output = createOutputDir(join(root, 'checkpoint-evidence'), root);
    await expect(output.writeFile('report.md', 'pwned')).rejects.toThrow(
      /refusing to write checkpoint-evidence\/report\.md: it is a symbolic link/,
    );
    expect(readFileSync(victim, 'utf8')).toBe('original\n');
  });

  it('refuses an evidence directory, or logs/, that is a symlink', async () => {
    const { root, outside } = setUp();
    symlinkSync(outside, join(root, 'checkpoint-evidence'));
    await expect(
      createOutputDir(join(root, 'checkpoint-evidence'), root).writeFile('report.md', 'x'),
    ).rejects.toBeInstanceOf(UnsafeOutputError);
    const other = setUp();
    mkdirSync(join(other.root, 'ev'));
    symlinkSync(other.outside, join(other.root, 'ev', 'logs'));
    expect(() => ensureOutputDirectory(other.root, join(other.root, 'ev', 'logs'))).toThrow(
      /refusing to write ev\/logs: it is a symbolic link/,
    );
    expect(() =>
      ensureOutputDirectory(other.root, join(other.root, 'ev', 'logs', 'deeper')),
    ).toThrow(UnsafeOutputError);
  });

  it('refuses a symlinked parent above the evidence directory inside the workspace', async () => {
    const { root, outside } = setUp();
    symlinkSync(outside, join(root, 'build'));
    await expect(
      createOutputDir(join(root, 'build', 'evidence'), root).writeFile('report.md', 'x'),
    ).rejects.toThrow(/refusing to write build: it is a symbolic link/);
  });

  it('refuses a FIFO without blocking, and never writes through a hard link', () => {
    const { root, victim } = setUp();
    execFileSync('mkfifo', [join(root, 'pipe.log')]);
    expect(() => openOutputFile(join(root, 'pipe.log'), root)).toThrow(/not a regular file/);
    // A hard link to a file outside: the old name is unlinked and a new file created.
    linkSync(victim, join(root, 'linked.log'));
    const fd = openOutputFile(join(root, 'linked.log'), root);
    closeSync(fd);
    expect(readFileSync(victim, 'utf8')).toBe('original\n');
    expect(lstatSync(join(root, 'linked.log')).nlink).toBe(1);
  });

  it('refuses a path that climbs out of the evidence directory', async () => {
    const { root } = setUp();
    await expect(
      createOutputDir(join(root, 'ev'), root).writeFile('../escape.md', 'x'),
    ).rejects.toBeInstanceOf(UnsafeOutputError);
  });
});

describe('workspace reader', () => {
  it('refuses a FIFO promptly, naming what it is', async () => {
    const { root } = setUp();
    execFileSync('mkfifo', [join(root, 'doc.md')]);
    const read = await createFsWorkspace(root).readFile('doc.md', 1024);
    expect(read).toMatchObject({ kind: 'unavailable', path: 'doc.md' });
    expect(read.kind === 'unavailable' && read.reason).toMatch(
      /FIFO \(named pipe\), not a regular file/,
    );
  });

  it('refuses a directory and a symlink to a device', async () => {
    const { root } = setUp();
    mkdirSync(join(root, 'dir'));
    symlinkSync('/dev/zero', join(root, 'zero'));
    const workspace = createFsWorkspace(root);
    expect(await workspace.readFile('dir', 1024)).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringMatching(/a directory, not a regular file/),
    });
    expect(await workspace.readFile('zero', 1024)).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringMatching(/outside the workspace/),
    });
  });
});
