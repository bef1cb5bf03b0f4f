// Once per `vitest run`, before any worker starts: a fresh scratch directory for this run, on tmpfs
// where there is one. Workers and every process they start inherit it as TMPDIR, so os.tmpdir()
// and mktemp land there: what the run leaves (temp workspaces, git repositories, evidence, the
// recorded command results the Action tests share) is this run's alone and removed at its end.
// On tmpfs because the suite creates and deletes thousands of small files; on this machine's disk
// (ext4 mounted with `discard`) that cost seconds of system time.
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { GIT_HELPER_ENV } from './remote-git.js';

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
  process.env[GIT_HELPER_ENV] = bundleGitHelper(dir);
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    delete process.env[GIT_HELPER_ENV];
    rmSync(dir, { recursive: true, force: true });
  };
}

/** The git helper (remote-git.ts) as one CommonJS file plain Node runs: ~50 ms, once a run. */
function bundleGitHelper(dir: string): string {
  const outfile = join(dir, 'git-helper.cjs');
  buildSync({
    entryPoints: [join(import.meta.dirname, 'git-helper-process.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}
