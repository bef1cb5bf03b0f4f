// Once per `vitest run`, before any worker starts: a fresh scratch directory for this run, on tmpfs
// where there is one. Workers and every process they start inherit it as TMPDIR, so os.tmpdir()
// and mktemp land there: what the run leaves (temp workspaces, git repositories, evidence, the
// recorded command results the Action tests share) is this run's alone and removed at its end.
// On tmpfs because the suite creates and deletes thousands of small files; on this machine's disk
// (ext4 mounted with `discard`) that cost seconds of system time.
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TMPFS = '/dev/shm';

function scratchParent(): string {
  try {
    if (process.platform === 'linux') {
      accessSync(TMPFS, constants.W_OK);
      return TMPFS;
    }
  } catch {
    // no tmpfs: the usual temp directory
  }
  return tmpdir();
}

export default function setup(): () => void {
  const dir = mkdtempSync(join(scratchParent(), 'cutover-checkpoint-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
