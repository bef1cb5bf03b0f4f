// Reads workspace files with the guards SPEC §8 and §10 ask for: no escape through symlinks,
// regular files only (a FIFO, socket or device is refused, never read or waited on), a size limit
// checked before reading, and expected failures returned as data.

import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { FileRead } from '../core/evidence.js';
import type { WorkspacePort } from '../app/ports.js';
import { comparePaths } from '../core/workspace-path.js';
import { isSystemError } from './system-error.js';

/** A workspace rooted at `root`. */
export function createFsWorkspace(root: string): WorkspacePort {
  const absoluteRoot = resolve(root);
  let realRoot: Promise<string> | undefined;
  return {
    root: absoluteRoot,
    async listFiles(directory, limit) {
      const files: string[] = [];
      const leftOut: string[] = [];
      /** Lists one directory into `files`; false once past the limit (the whole walk stops). */
      const walk = async (relativeDir: string): Promise<boolean> => {
        let entries;
        try {
          entries = await readdir(resolve(absoluteRoot, relativeDir), { withFileTypes: true });
        } catch (error) {
          // Absent (or not a directory): nothing to list; the command that names it fails alone.
          const code = (error as NodeJS.ErrnoException).code;
          if (code !== 'ENOENT' && code !== 'ENOTDIR')
            leftOut.push(
              `the files in ${relativeDir}/ (it could not be listed: ${describeError(error)})`,
            );
          return true;
        }
        for (const entry of entries.sort((a, b) => comparePaths(a.name, b.name))) {
          if (entry.name === '.git' || entry.name === 'node_modules') continue;
          const path = `${relativeDir}/${entry.name}`;
          // Symlinked directories are not followed; symlinked files are read (and guarded) later.
          if (entry.isDirectory()) {
            if (!(await walk(path))) return false;
          } else if (
            entry.isFile() ||
            (entry.isSymbolicLink() && !(await leadsToDirectory(resolve(absoluteRoot, path))))
          ) {
            if (files.length === limit) {
              leftOut.push(
                `${path} and the files after it in ${directory}/ (it has more than ${limit} files)`,
              );
              return false;
            }
            files.push(path);
          }
        }
        return true;
      };
      await walk(directory);
      return { files, leftOut };
    },
    async readFile(path, maxBytes): Promise<FileRead> {
      const target = resolve(absoluteRoot, path);
      let real: string;
      try {
        // Awaited only once the target resolved; until then its rejection must not go unhandled.
        realRoot ??= realpath(absoluteRoot);
        realRoot.catch(() => undefined);
        real = await realpath(target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
          const similar = await findSimilarName(target, path);
          return similar ? { kind: 'missing', path, similar } : { kind: 'missing', path };
        }
        return { kind: 'unavailable', path, reason: describeError(error) };
      }
      const inside = relative(await realRoot, real);
      if (inside.startsWith('..') || isAbsolute(inside)) {
        return {
          kind: 'unavailable',
          path,
          reason: `it is a symlink that leads outside the workspace (to ${real}); refusing to read it`,
        };
      }
      try {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        // The type is checked on the opened descriptor, so a swap after realpath cannot matter.
        const handle = await open(real, READ_FLAGS);
        try {
          const stat = await handle.stat();
          if (!stat.isFile())
            return {
              kind: 'unavailable',
              path,
              reason: `it is ${describeFileType(stat)}, not a regular file; refusing to read it`,
            };
          if (stat.size > maxBytes) {
            return {
              kind: 'unavailable',
              path,
              reason: `it is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit (raise limits.max_file_bytes if this is intended)`,
            };
          }
          const bytes = await handle.readFile();
          const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
          return {
            kind: 'ok',
            path,
            text,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            bytes: bytes.length,
          };
        } finally {
          await handle.close();
        }
      } catch (error) {
        return { kind: 'unavailable', path, reason: describeError(error) };
      }
    },
  };
}

const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

function describeFileType(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'a special file';
}

/** Whether the symlink at an absolute path resolves to a directory; false when it resolves to nothing. */
async function leadsToDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // dangling or a loop: listed, and its read says why it cannot be read
  }
}

/** Why a file-system call failed, in a reader's words; a fault that is not one (a bug) is thrown on. */
function describeError(error: unknown): string {
  if (!isSystemError(error)) throw error;
  const code = error.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error.message;
}

/** 52428800 → "50 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB`;
}

/**
 * A sibling of a missing file under another case (`Rollback.md` for `ROLLBACK.md`, which macOS
 * and Windows checkouts hide), as a workspace path; undefined when none.
 */
async function findSimilarName(target: string, path: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return undefined;
  }
  const wanted = basename(target);
  // Only a case difference: a near name (PRODUCER vs CONSUMER) would suggest the wrong file.
  const match = names.find((name) => name.toLowerCase() === wanted.toLowerCase());
  return match ? join(dirname(path), match) : undefined;
}
