// Commits a directory's files as `git init`, `git add -A` and `git commit` would, written by this
// process: a test worker of a few hundred MB pays ~15 ms of machine CPU for each process it forks
// (three a repository), and dozens of tests only need a repository holding a few files. What it
// writes is an ordinary repository (loose objects, a branch ref, a version 2 index carrying the
// files' stat data, so `git status` finds nothing to do); git-commit.test.ts checks it against git
// itself, sha for sha. What it does not model it refuses rather than gets wrong: ignore and
// attribute files, nested repositories and other `.git` parts, names that are not UTF-8, messages
// git would clean up, a commit of nothing, packed refs, a detached HEAD, and files that are
// neither regular files nor symlinks.
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
  type BigIntStats,
} from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';

export interface GitIdentity {
  name: string;
  email: string;
}

export interface CommitOptions {
  message: string;
  /** Author and committer. */
  identity: GitIdentity;
  /** The commit's time: Unix seconds and git's offset (`+0000`); default now, in UTC. */
  when?: { seconds: number; offset: string };
  /** The branch a new repository starts on (`git init -b`); default `main`. */
  branch?: string;
  /** Lines added to a new repository's `.git/config` (e.g. `[gc]\n\tauto = 0`). */
  config?: string;
}

/** Files that change what git adds or how (ignore, attributes, submodules): not modelled. */
export const GIT_RULE_FILES: ReadonlySet<string> = new Set([
  '.gitignore',
  '.gitattributes',
  '.gitmodules',
]);

/** What the tests' repositories are committed as. */
export const TEST_IDENTITY: GitIdentity = { name: 'Test', email: 'test@example.invalid' };

/** One file of the index: its path, object and stat data. */
interface IndexEntry {
  path: string;
  mode: number;
  sha: Buffer;
  stat: BigIntStats;
}

/**
 * Commits everything under `dir` (a new repository when it has no `.git`) on HEAD's branch, and
 * returns the commit's sha (40 hex digits). Throws on what it does not model (see above).
 */
export function commitAll(dir: string, options: CommitOptions): string {
  // `git commit -m` cleans a message up (trailing spaces, blank lines): only clean ones are modelled.
  if (!/^\S(?:[^\n]*\S)?$/.test(options.message))
    throw new Error(`git-commit: the message ${JSON.stringify(options.message)} is not modelled`);
  const gitDir = join(dir, '.git');
  if (!existsSync(gitDir)) initRepository(gitDir, options);
  const branch = readHeadRef(gitDir);
  if (existsSync(join(gitDir, 'packed-refs')))
    throw new Error('git-commit: packed refs are not modelled');
  const parent = existsSync(join(gitDir, branch))
    ? readFileSync(join(gitDir, branch), 'utf8').trim()
    : undefined;
  const entries: IndexEntry[] = [];
  const tree = writeTree(gitDir, dir, '', entries);
  // git commits nothing when nothing changed (or there is nothing at all): neither does this.
  if (entries.length === 0 || (parent && treeOf(gitDir, parent).equals(tree)))
    throw new Error('git-commit: nothing to commit');
  const { seconds, offset } = options.when ?? {
    seconds: Math.floor(Date.now() / 1000),
    offset: '+0000',
  };
  const person = `${options.identity.name} <${options.identity.email}> ${seconds} ${offset}`;
  const commit = writeObject(
    gitDir,
    'commit',
    Buffer.from(
      `tree ${tree.toString('hex')}\n${parent ? `parent ${parent}\n` : ''}` +
        `author ${person}\ncommitter ${person}\n\n${options.message}\n`,
    ),
  ).toString('hex');
  mkdirSync(join(gitDir, branch, '..'), { recursive: true });
  writeFileSync(join(gitDir, branch), `${commit}\n`);
  writeFileSync(join(gitDir, 'index'), indexFile(entries));
  return commit;
}

/** Tags `target` (default HEAD's commit) as `name`, as `git tag <name>` does (a lightweight tag). */
export function tagLightweight(dir: string, name: string, target?: string): void {
  const gitDir = join(dir, '.git');
  const sha = target ?? readFileSync(join(gitDir, readHeadRef(gitDir)), 'utf8').trim();
  mkdirSync(join(gitDir, 'refs', 'tags', name, '..'), { recursive: true });
  writeFileSync(join(gitDir, 'refs', 'tags', name), `${sha}\n`);
}

function readHeadRef(gitDir: string): string {
  const head = readFileSync(join(gitDir, 'HEAD'), 'utf8');
  const ref = /^ref: (refs\/heads\/[^\n]+)\n$/.exec(head)?.[1];
  if (!ref) throw new Error(`git-commit: HEAD is not a branch (${head.trim()})`);
  return ref;
}

/** The files `git init` writes that git needs to read the repository back. */
function initRepository(gitDir: string, options: CommitOptions): void {
  for (const sub of ['objects', 'refs/heads', 'refs/tags'])
    mkdirSync(join(gitDir, sub), { recursive: true });
  writeFileSync(join(gitDir, 'HEAD'), `ref: refs/heads/${options.branch ?? 'main'}\n`);
  writeFileSync(
    join(gitDir, 'config'),
    '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n' +
      `\tlogallrefupdates = true\n${options.config ?? ''}`,
  );
}

/**
 * Writes the tree of `root`/`prefix` (and its blobs and subtrees), adding its files to `entries`;
 * returns the tree's sha. A directory without files adds no entry, and its parent leaves it out
 * (git keeps no empty directory).
 */
function writeTree(gitDir: string, root: string, prefix: string, entries: IndexEntry[]): Buffer {
  const items: { name: string; mode: string; sha: Buffer; directory: boolean }[] = [];
  for (const raw of readdirSync(join(root, prefix), { encoding: 'buffer' })) {
    const name = raw.toString('utf8');
    if (!Buffer.from(name).equals(raw))
      throw new Error(`git-commit: a name that is not UTF-8 in ${prefix || './'} is not modelled`);
    // git refuses a path with a `.git` part in any case (fsck's hasDotgit); only the top one is ours.
    if (name.toLowerCase() === '.git') {
      if (prefix === '' && name === '.git') continue;
      throw new Error(`git-commit: ${prefix}${name} is not modelled`);
    }
    if (GIT_RULE_FILES.has(name)) throw new Error(`git-commit: ${prefix}${name} is not modelled`);
    const path = `${prefix}${name}`;
    const stat = lstatSync(join(root, path), { bigint: true });
    if (stat.isDirectory()) {
      const before = entries.length;
      const sha = writeTree(gitDir, root, `${path}/`, entries);
      if (entries.length > before) items.push({ name, mode: '40000', sha, directory: true });
    } else if (stat.isFile() || stat.isSymbolicLink()) {
      const symlink = stat.isSymbolicLink();
      const content = symlink
        ? readlinkSync(join(root, path), { encoding: 'buffer' })
        : readFileSync(join(root, path));
      const sha = writeObject(gitDir, 'blob', content);
      const mode = symlink ? 0o120000 : (stat.mode & 0o100n) !== 0n ? 0o100755 : 0o100644;
      items.push({ name, mode: mode.toString(8), sha, directory: false });
      entries.push({ path, mode, sha, stat });
    } else {
      throw new Error(`git-commit: ${path} is neither a regular file nor a symlink`);
    }
  }
  // Git sorts a tree's entries by name, a directory's as if it ended in '/'.
  const key = (item: { name: string; directory: boolean }) =>
    Buffer.from(item.directory ? `${item.name}/` : item.name);
  items.sort((a, b) => Buffer.compare(key(a), key(b)));
  return writeObject(
    gitDir,
    'tree',
    Buffer.concat(items.flatMap((item) => [Buffer.from(`${item.mode} ${item.name}\0`), item.sha])),
  );
}

/** The tree sha (20 bytes) of commit `sha`, from its loose object (one this module wrote). */
function treeOf(gitDir: string, sha: string): Buffer {
  const file = join(gitDir, 'objects', sha.slice(0, 2), sha.slice(2));
  if (!existsSync(file))
    throw new Error(`git-commit: a parent ${sha} not stored loose is not modelled`);
  const tree = /^commit \d+\0tree ([0-9a-f]{40})\n/.exec(
    inflateSync(readFileSync(file)).toString('latin1'),
  );
  if (!tree) throw new Error(`git-commit: ${sha} is not a commit`);
  return Buffer.from(tree[1]!, 'hex');
}

/** Stores a loose object (zlib-deflated `<type> <size>\0<content>`); returns its SHA-1. */
function writeObject(gitDir: string, type: string, content: Buffer): Buffer {
  const stored = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
  const sha = createHash('sha1').update(stored).digest();
  const hex = sha.toString('hex');
  const file = join(gitDir, 'objects', hex.slice(0, 2), hex.slice(2));
  if (!existsSync(file)) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, deflateSync(stored), { mode: 0o444 });
  }
  return sha;
}

/**
 * The index (version 2, git's Documentation/gitformat-index.txt): a header, one entry a file in
 * path order (stat data truncated to 32 bits, the object, the path, NUL padding to 8 bytes), and
 * the SHA-1 of all before it.
 */
function indexFile(entries: IndexEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) =>
    Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)),
  );
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(sorted.length, 8);
  const u32 = (value: bigint) => Number(value & 0xffffffffn);
  const parts = [header];
  for (const { path, mode, sha, stat } of sorted) {
    const name = Buffer.from(path);
    const entry = Buffer.alloc(Math.floor((62 + name.length + 8) / 8) * 8);
    [
      stat.ctimeNs / 1_000_000_000n,
      stat.ctimeNs % 1_000_000_000n,
      stat.mtimeNs / 1_000_000_000n,
      stat.mtimeNs % 1_000_000_000n,
      stat.dev,
      stat.ino,
      BigInt(mode),
      stat.uid,
      stat.gid,
      stat.size,
    ].forEach((value, i) => entry.writeUInt32BE(u32(value), i * 4));
    sha.copy(entry, 40);
    entry.writeUInt16BE(Math.min(name.length, 0xfff), 60);
    name.copy(entry, 62);
    parts.push(entry);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}
