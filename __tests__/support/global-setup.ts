// Once per `vitest run`, before any worker starts: the tests' scratch directories (temp
// workspaces, git repositories, evidence) go to a fresh directory on tmpfs where there is one.
// The suite creates and deletes thousands of small files; on this machine's disk (ext4 mounted
// with `discard`) that costs seconds of system time. Workers and every process they start inherit
// TMPDIR, so os.tmpdir() and mktemp land there; the directory is removed when the run ends.
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const TMPFS = '/dev/shm';

export default function setup(): (() => void) | undefined {
  try {
    if (process.platform !== 'linux') return undefined;
    accessSync(TMPFS, constants.W_OK);
  } catch {
    return undefined;
  }
  const dir = mkdtempSync(join(TMPFS, 'cutover-checkpoint-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
