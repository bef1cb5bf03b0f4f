// Writes the evidence directory (record, report, logs) without ever writing through a symlink
// or into a special file. The directory often lives in the workspace, which the judged change
// controls: a committed `checkpoint-evidence/report.md -> /home/runner/.bashrc` or `logs -> /`
// must be refused, not followed. Every directory from the workspace root down is checked with
// lstat and created one level at a time; every file is created afresh with O_EXCL|O_NOFOLLOW
// after the old regular file is unlinked, so neither a symlink, a FIFO nor a hard link to
// something else is ever opened for writing.

import {
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { OutputPort } from '../app/ports.js';

/** The evidence directory (or a file in it) is a symlink or not what it should be. */
export class UnsafeOutputError extends Error {
  constructor(
    /** The offending path, as shown to people. */
    readonly path: string,
    what: string,
    /** The system error that showed it, when one did (EEXIST, ELOOP). */
    cause?: unknown,
  ) {
    super(
      `refusing to write ${path}: it is ${what}; the evidence directory is never written through a symlink or into a special file. Remove it (git rm it if it is committed) or choose another evidence directory.`,
      { cause },
    );
    this.name = 'UnsafeOutputError';
  }
}

const CREATE_FLAGS =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** An output port rooted at `directory`; `root` (the workspace) bounds the directories checked. */
export function createOutputDir(
  directory: string,
  root: string = directory,
): OutputPort & { readonly directory: string } {
  const base = resolve(directory);
  const workspace = resolve(root);
  return {
    directory: base,
    async writeFile(path, text) {
      const target = resolve(base, path);
      if (!isInside(base, target))
        throw new UnsafeOutputError(path, 'outside the evidence directory');
      ensureOutputDirectory(workspace, dirname(target));
      const fd = openOutputFile(target, workspace);
      try {
        const bytes = Buffer.from(text);
        for (let written = 0; written < bytes.length;)
          written += writeSync(fd, bytes, written, bytes.length - written);
      } finally {
        closeSync(fd);
      }
      return target;
    },
  };
}

/**
 * Makes sure `directory` exists as a real directory, creating missing levels one at a time.
 * Checks every level below `root` when `directory` is inside it (else only `directory` itself).
 * Throws UnsafeOutputError when a level is a symlink or not a directory.
 */
export function ensureOutputDirectory(root: string, directory: string): void {
  const absolute = resolve(directory);
  const inside = isInside(resolve(root), absolute);
  let current = inside ? resolve(root) : dirname(absolute);
  const levels = inside ? relative(current, absolute).split(sep).filter(Boolean) : [absolute];
  if (!inside) mkdirSync(current, { recursive: true });
  for (const level of levels) {
    current = inside ? join(current, level) : level;
    let stat = lstatOrUndefined(current);
    if (!stat) {
      try {
        mkdirSync(current);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      stat = lstatOrUndefined(current);
    }
    if (stat?.isSymbolicLink())
      throw new UnsafeOutputError(shown(root, current), 'a symbolic link');
    if (!stat?.isDirectory()) throw new UnsafeOutputError(shown(root, current), 'not a directory');
  }
}

/**
 * Opens `path` for writing as a new regular file (mode 0644) and returns its descriptor: an old
 * regular file is unlinked first; a symlink, FIFO, socket, device or directory is refused.
 * The caller closes the descriptor. Throws UnsafeOutputError (or the system error).
 */
export function openOutputFile(path: string, root: string = dirname(path)): number {
  const stat = lstatOrUndefined(path);
  if (stat?.isSymbolicLink()) throw new UnsafeOutputError(shown(root, path), 'a symbolic link');
  if (stat && !stat.isFile()) throw new UnsafeOutputError(shown(root, path), 'not a regular file');
  if (stat) unlinkSync(path);
  try {
    return openSync(path, CREATE_FLAGS, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Something appeared between the unlink and the open: refuse rather than guess.
    if (code === 'EEXIST' || code === 'ELOOP')
      throw new UnsafeOutputError(shown(root, path), 'replaced while it was being written', error);
    throw error;
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function shown(root: string, path: string): string {
  const rel = relative(resolve(root), path);
  return rel !== '' && isInside(resolve(root), path) ? rel : path;
}
