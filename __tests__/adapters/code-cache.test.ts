// The CLI's code cache: used when this user's private directory holds one made from the very same
// source, ignored (the bundle compiled as usual) when anyone else could have written it, when it
// is corrupt, or when the source changed; never an error.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codeCacheDirectory, loadWithCodeCache } from '../../src/adapters/code-cache.js';

let scratch: string;
let bundle: string;
let cacheDir: string;
const SOURCE = `let calls = 0;\nexports.answer = (n) => { calls++; return n * 2 + calls - calls; };\nexports.file = __filename;\n`;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cc-code-cache-'));
  bundle = join(scratch, 'bundle.cjs');
  writeFileSync(bundle, SOURCE);
  cacheDir = join(scratch, 'cache');
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

type Exports = { answer(n: number): number; file: string };
// V8 keeps the scripts it compiled in this process by source and name, and would answer a second
// load from there, cache or not: off while these tests run, so each load is as a fresh process's.
beforeAll(() => setFlagsFromString('--no-compilation-cache'));
afterAll(() => setFlagsFromString('--compilation-cache'));
const load = (dir: string | null = cacheDir, flavour = 'run') =>
  loadWithCodeCache<Exports>(bundle, dir ?? undefined, flavour);
const cacheFiles = () => (existsSync(cacheDir) ? readdirSync(cacheDir) : []);

describe('loadWithCodeCache', () => {
  it('runs the bundle, writes a private cache after the work, and the next load takes it', () => {
    const first = load();
    expect(first.exports.answer(21)).toBe(42);
    expect(first.exports.file).toBe(bundle);
    expect(first.cacheUsed).toBe(false);
    expect(first.saveCache()).toBe(true);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(cacheFiles()).toHaveLength(1);
    expect(statSync(join(cacheDir, cacheFiles()[0]!)).mode & 0o777).toBe(0o600);
    const second = load();
    expect(second.cacheUsed).toBe(true);
    expect(second.exports.answer(5)).toBe(10);
    // Nothing to write when the cache was used.
    expect(second.saveCache()).toBe(false);
  });

  it('keeps one cache per kind of run', () => {
    load(cacheDir, 'run').saveCache();
    load(cacheDir, 'validate').saveCache();
    expect(cacheFiles()).toHaveLength(2);
    expect(load(cacheDir, 'validate').cacheUsed).toBe(true);
  });

  it('never takes a cache of another source, even one of the same length', () => {
    load().saveCache();
    writeFileSync(bundle, SOURCE.replace('n * 2', 'n * 3'));
    const changed = load();
    expect(changed.cacheUsed).toBe(false);
    expect(changed.exports.answer(2)).toBe(6);
  });

  it('a damaged cache is never given to V8: the bundle runs uncached and the cache is rewritten', () => {
    load().saveCache();
    const file = join(cacheDir, cacheFiles()[0]!);
    // One byte in the middle of the data: V8 itself would take it (it checks header and length).
    const stored = readFileSync(file);
    stored.writeUInt8(stored.readUInt8(stored.length >> 1) ^ 0x5a, stored.length >> 1);
    writeFileSync(file, stored, { mode: 0o600 });
    const run = load();
    expect(run.cacheUsed).toBe(false);
    expect(run.exports.answer(1)).toBe(2);
    expect(run.saveCache()).toBe(true);
    expect(load().cacheUsed).toBe(true);
    // Garbage and a truncated file alike.
    writeFileSync(file, Buffer.alloc(16, 7), { mode: 0o600 });
    expect(load().cacheUsed).toBe(false);
  });

  it('another copy of the same bundle (another install) keeps its own cache', () => {
    load().saveCache();
    const copy = join(scratch, 'other-install.cjs');
    writeFileSync(copy, SOURCE);
    const other = loadWithCodeCache<Exports>(copy, cacheDir, 'run');
    expect(other.cacheUsed).toBe(false);
    expect(other.exports.file).toBe(copy);
  });

  it('a bundle this user cannot change gets no cache (a read-only install)', () => {
    chmodSync(bundle, 0o444);
    const run = load();
    expect(run.exports.answer(2)).toBe(4);
    // root may write any file: then the rule cannot be seen here.
    if (process.getuid?.() !== 0) {
      expect(run.saveCache()).toBe(false);
      expect(cacheFiles()).toEqual([]);
    }
  });

  it("writing a cache removes other builds' caches unused for a week and dead temporary files", () => {
    mkdirSync(cacheDir, { mode: 0o700 });
    const kind = `-${process.version}-${process.arch}-run.bin`;
    const old = join(cacheDir, `${'0'.repeat(32)}${kind}`);
    const recent = join(cacheDir, `${'2'.repeat(32)}${kind}`);
    const otherNode = join(cacheDir, `${'1'.repeat(32)}-v0.0.0-x64-run.bin`);
    const dead = join(cacheDir, `x${kind}.123.tmp`);
    for (const file of [old, recent, otherNode, dead]) writeFileSync(file, 'x', { mode: 0o600 });
    for (const file of [old, otherNode, dead]) utimesSync(file, new Date(0), new Date(0));
    load().saveCache();
    // Another install's cache in use (a global CLI beside a project's) stays: no ping-pong.
    const left = cacheFiles();
    expect(left).toHaveLength(3);
    expect(left).toEqual(
      expect.arrayContaining([
        basename(recent),
        basename(otherNode),
        expect.stringMatching(new RegExp(`^[0-9a-f]{32}${kind.replace(/[.]/g, '\\.')}$`)),
      ]),
    );
  });

  it('a cache in use has its time renewed (once a day), so it is not taken for unused', () => {
    load().saveCache();
    const file = join(cacheDir, cacheFiles()[0]!);
    utimesSync(file, new Date(0), new Date(0));
    // Whole seconds: a file system may keep no finer times.
    const renewedFrom = Math.floor(Date.now() / 1000) * 1000;
    expect(load().cacheUsed).toBe(true);
    expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(renewedFrom);
  });

  it('ignores a directory others can write, and writes nothing there', () => {
    mkdirSync(cacheDir, { mode: 0o700 });
    load().saveCache();
    chmodSync(cacheDir, 0o777);
    const run = load();
    expect(run.cacheUsed).toBe(false);
    expect(run.exports.answer(4)).toBe(8);
    rmSync(join(cacheDir, cacheFiles()[0]!));
    expect(run.saveCache()).toBe(false);
    expect(cacheFiles()).toEqual([]);
  });

  it('ignores a cache file others can write', () => {
    load().saveCache();
    chmodSync(join(cacheDir, cacheFiles()[0]!), 0o666);
    expect(load().cacheUsed).toBe(false);
  });

  it('ignores a directory that is a symbolic link (someone else may own where it points)', () => {
    const real = join(scratch, 'real');
    mkdirSync(real, { mode: 0o700 });
    symlinkSync(real, cacheDir);
    const run = load();
    expect(run.saveCache()).toBe(false);
    expect(readdirSync(real)).toEqual([]);
  });

  it('without a directory, or one that cannot be made, runs uncached', () => {
    expect(load(null).exports.answer(3)).toBe(6);
    expect(load(null).saveCache()).toBe(false);
    writeFileSync(join(scratch, 'file'), '');
    const blocked = load(join(scratch, 'file', 'cache'));
    expect(blocked.exports.answer(3)).toBe(6);
    expect(blocked.saveCache()).toBe(false);
  });
});

describe('codeCacheDirectory', () => {
  it('is per user under the temp directory; a path overrides it; off turns it off', () => {
    expect(codeCacheDirectory(undefined)).toBe(
      join(tmpdir(), `cutover-checkpoint-code-cache-${process.getuid!()}`),
    );
    expect(codeCacheDirectory('')).toBe(codeCacheDirectory(undefined));
    expect(codeCacheDirectory('/x/cache')).toBe('/x/cache');
    expect(codeCacheDirectory('off')).toBeUndefined();
    expect(codeCacheDirectory('0')).toBeUndefined();
  });
});
