// Reads workspace files with the guards SPEC §8 asks for: no escape through symlinks, a size
// limit checked before reading, and expected failures returned as data.

import { createHash } from 'node:crypto';
import { open, readdir, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { FileRead } from '../core/evidence.js';
import type { WorkspacePort } from '../app/ports.js';

/** A workspace rooted at `root`. */
export function createFsWorkspace(root: string): WorkspacePort {
  const absoluteRoot = resolve(root);
  let realRoot: Promise<string> | undefined;
  return {
    root: absoluteRoot,
    async listFiles(directory, limit) {
      const found: string[] = [];
      const walk = async (relativeDir: string): Promise<void> => {
        let entries;
        try {
          entries = await readdir(resolve(absoluteRoot, relativeDir), { withFileTypes: true });
        } catch {
          return; // absent or unreadable: nothing to list (reads report their own errors)
        }
        for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
          if (found.length >= limit) return;
          if (entry.name === '.git' || entry.name === 'node_modules') continue;
          const path = `${relativeDir}/${entry.name}`;
          // Symlinked directories are not followed; symlinked files are read (and guarded) later.
          if (entry.isDirectory()) await walk(path);
          else if (entry.isFile() || entry.isSymbolicLink()) found.push(path);
        }
      };
      await walk(directory);
      return found;
    },
    async readFile(path, maxBytes): Promise<FileRead> {
      const target = resolve(absoluteRoot, path);
      let real: string;
      try {
        realRoot ??= realpath(absoluteRoot);
        real = await realpath(target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing', path };
        return { kind: 'error', path, message: describeError(error) };
      }
      const inside = relative(await realRoot, real);
      if (inside.startsWith('..') || isAbsolute(inside)) {
        return {
          kind: 'error',
          path,
          message: `it is a symlink that leads outside the workspace (to ${real}); refusing to read it`,
        };
      }
      try {
        const handle = await open(real, 'r');
        try {
          const stat = await handle.stat();
          if (!stat.isFile()) return { kind: 'error', path, message: 'it is not a regular file' };
          if (stat.size > maxBytes) {
            return {
              kind: 'error',
              path,
              message: `it is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit (raise limits.max_file_bytes if this is intended)`,
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
        return { kind: 'error', path, message: describeError(error) };
      }
    },
  };
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return (error as Error).message;
}

/** 52428800 → "50 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB`;
}
