// HEAD's commit sha of a test's own repository, read from the files git keeps it in instead of a
// `git rev-parse HEAD` process: a process forked from a test worker costs this machine ~10 ms of
// CPU, and the tests ask for HEAD after nearly every fixture commit. Only the layout `git init`
// and `git clone` make here (a `.git` directory, loose or packed refs); anything else (a worktree's
// `.git` file, a reftable, a symbolic ref to a missing branch) is asked of git itself.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from './shell-sync.js';

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** The full sha HEAD names in the repository containing `dir` (the directory or one above it). */
export function headSha(dir: string): string {
  return fromFiles(dir) ?? askGit(dir);
}

function fromFiles(dir: string): string | undefined {
  const gitDir = findGitDir(dir);
  if (!gitDir) return undefined;
  const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
  if (SHA.test(head)) return head;
  const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
  if (!ref) return undefined;
  const loose = join(gitDir, ref);
  if (existsSync(loose)) {
    const sha = readFileSync(loose, 'utf8').trim();
    return SHA.test(sha) ? sha : undefined;
  }
  const packed = join(gitDir, 'packed-refs');
  if (!existsSync(packed)) return undefined;
  for (const line of readFileSync(packed, 'utf8').split('\n')) {
    const [sha, name] = line.split(' ');
    if (name === ref && sha && SHA.test(sha)) return sha;
  }
  return undefined;
}

/** The `.git` directory of the repository containing `dir`; undefined for anything else. */
function findGitDir(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, '.git');
    if (existsSync(candidate))
      return statSync(candidate).isDirectory() &&
        !existsSync(join(candidate, 'reftable')) &&
        existsSync(join(candidate, 'HEAD'))
        ? candidate
        : undefined;
    if (dirname(at) === at) return undefined;
  }
}

function askGit(dir: string): string {
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
}
