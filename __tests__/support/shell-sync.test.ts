// The fixtures' execFileSync twin (shell-sync.ts) answers as Node's execFileSync does: the same
// stdout, stderr, exit status, environment, directory and stdin, for commands it really starts
// through its shell (their parent is not this worker), and it throws, never hangs, when its shell
// dies under a command.
import { execFileSync as nodeExecFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from './shell-sync.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-shell-sync-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a call gave: its output, or the error's status, code and outputs. */
function outcome(call: () => string | Buffer) {
  try {
    return { ok: String(call()) };
  } catch (error) {
    const e = error as { status?: number; code?: string; stdout?: unknown; stderr?: unknown };
    return { status: e.status, code: e.code, stdout: String(e.stdout), stderr: String(e.stderr) };
  }
}

const SH = '/bin/sh';

describe('answers as execFileSync', () => {
  it.each([
    [
      'arguments verbatim',
      'printf',
      ['%s|', "it's", 'a "b"', '$HOME', '`x`', 'new\nline', 'ü', ''],
    ],
    ['stdout and stderr of a failure', SH, ['-c', 'echo out; echo err >&2; exit 3']],
    ['a large output', SH, ['-c', 'seq 1 30000']],
    ['a missing program (left to node)', 'no-such-program-here', []],
  ])('%s', (_name, file, args) => {
    const options = { encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'pipe'] as const };
    expect(
      outcome(() => execFileSync(file, args, { ...options, stdio: [...options.stdio] })),
    ).toEqual(
      outcome(() => nodeExecFileSync(file, args, { ...options, stdio: [...options.stdio] })),
    );
  });

  it('the environment exactly as given, and the process.env by default', () => {
    const lines = (text: string) => text.split('\n').filter(Boolean).sort();
    const env = { PATH: process.env.PATH, ONLY: 'x y', QUOTE: "a'b", EMPTY: '' };
    expect(lines(execFileSync('/usr/bin/env', [], { env, encoding: 'utf8' }))).toEqual(
      lines(nodeExecFileSync('/usr/bin/env', [], { env, encoding: 'utf8' })),
    );
    expect(lines(execFileSync('/usr/bin/env', [], { encoding: 'utf8' }))).toEqual(
      lines(nodeExecFileSync('/usr/bin/env', [], { encoding: 'utf8' })),
    );
  });

  it('the directory as chdir takes it: absolute, relative, through a symlink', () => {
    mkdirSync(join(dir, 'real', 'sub'), { recursive: true });
    symlinkSync(join(dir, 'real', 'sub'), join(dir, 'link'));
    for (const cwd of [dir, relative(process.cwd(), dir), join(dir, 'link', '..')])
      expect(execFileSync('/bin/pwd', ['-P'], { cwd, encoding: 'utf8' })).toBe(
        nodeExecFileSync('/bin/pwd', ['-P'], { cwd, encoding: 'utf8' }),
      );
  });

  it('stdin: empty by default, or the input given', () => {
    expect(execFileSync('cat', [], { encoding: 'utf8' })).toBe('');
    expect(execFileSync('cat', [], { input: 'a\nb', encoding: 'utf8' })).toBe('a\nb');
    expect(execFileSync('cat', [], { input: 'x', stdio: ['ignore', 'pipe', 'pipe'] })).toEqual(
      nodeExecFileSync('cat', [], { input: 'x', stdio: ['ignore', 'pipe', 'pipe'] }),
    );
  });

  it('output past maxBuffer is ENOBUFS', () => {
    const args = ['-c', 'seq 1 1000'];
    expect(outcome(() => execFileSync(SH, args, { maxBuffer: 100 })).code).toBe('ENOBUFS');
    expect(outcome(() => nodeExecFileSync(SH, args, { maxBuffer: 100 })).code).toBe('ENOBUFS');
  });
});

describe('through its shell', () => {
  it('the process is not a child of this worker (node’s own is)', () => {
    const parent = (exec: typeof nodeExecFileSync) =>
      Number(exec(SH, ['-c', 'echo $PPID'], { encoding: 'utf8' }));
    expect(parent(execFileSync as typeof nodeExecFileSync)).not.toBe(process.pid);
    expect(parent(nodeExecFileSync)).toBe(process.pid);
  });

  it('a shell that dies under a command fails the call, and the next call gets a new shell', () => {
    // The command's parent is the shell (the subshell exec'd it): killing it ends the status FIFO.
    const died = outcome(() => execFileSync(SH, ['-c', 'kill -9 $PPID; sleep 0.05']));
    expect(died.code).toBe('ESHELLDIED');
    expect(execFileSync('printf', ['again'], { encoding: 'utf8' })).toBe('again');
  });
});
