// The fixtures' execFileSync twin (shell-sync.ts) answers as Node's execFileSync does: the same
// stdout, stderr, exit status, environment, directory and stdin, for commands it really starts
// through its shell (their parent is not this worker), and it throws, never hangs, when its shell
// dies under a command.
import { execFileSync as nodeExecFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('output past 1 MiB (stdout and stderr together) is ENOBUFS; an explicit maxBuffer is node’s', () => {
    const args = ['-c', 'seq 1 100000; seq 1 100000 >&2'];
    expect(outcome(() => execFileSync(SH, args)).code).toBe('ENOBUFS');
    // stdio given, so node does not copy the 600 kB of stderr to this worker's (and the run's output).
    expect(outcome(() => nodeExecFileSync(SH, args, { stdio: 'pipe' })).code).toBe('ENOBUFS');
    const small = ['-c', 'printf 123456; printf 123456 >&2'];
    const explicit = { maxBuffer: 10, stdio: 'pipe' } as const;
    expect(outcome(() => execFileSync(SH, small, explicit)).code).toBe('ENOBUFS');
  });

  it('the cases the shell would run differently go to node, with node’s answer', () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'printf'), '#!/bin/sh\necho local\n', { mode: 0o755 });
    const cases: [string, string[], Parameters<typeof nodeExecFileSync>[2]][] = [
      ['printf', ['%s', 'x'], { cwd: dir, env: { PATH: `bin:${process.env.PATH}` } }],
      ['./bin/printf', [], { cwd: dir }],
      ['/usr/bin/env', [], { env: { OPTIND: 'x', N: 1 as unknown as string } }],
      [SH, ['-c', 'printf "$N"'], { env: { N: 1 as unknown as string, U: undefined } }],
    ];
    for (const [file, args, options] of cases)
      expect(outcome(() => execFileSync(file, args, options as object))).toEqual(
        outcome(() => nodeExecFileSync(file, args, { ...options, encoding: 'buffer' })),
      );
  });

  it('a command line of any length (three arguments of 100,000 characters)', () => {
    const args = ['%s|%s|%s', ...['a', 'b', 'c'].map((c) => c.repeat(100_000))];
    expect(execFileSync('printf', args, { encoding: 'utf8' })).toBe(
      nodeExecFileSync('printf', args, { encoding: 'utf8' }),
    );
    expect(execFileSync('printf', ['next'], { encoding: 'utf8' })).toBe('next');
  });

  it('a failure without stderr has node’s message', () => {
    expect(() => execFileSync('false')).toThrow(/^Command failed: false$/);
    expect(() => nodeExecFileSync('false')).toThrow(/^Command failed: false$/);
  });
});

describe('through its shell', () => {
  it('the process is not a child of this worker (node’s own is)', () => {
    const parent = (exec: typeof nodeExecFileSync) =>
      Number(exec(SH, ['-c', 'echo $PPID'], { encoding: 'utf8' }));
    expect(parent(execFileSync as typeof nodeExecFileSync)).not.toBe(process.pid);
    expect(parent(nodeExecFileSync)).toBe(process.pid);
  });

  it('a background job of one call writes into none of the next calls’ output', () => {
    const first = execFileSync(SH, ['-c', '(sleep 0.2; printf LATE) & printf first'], {
      encoding: 'utf8',
    });
    expect(first).toBe('first');
    const until = Date.now() + 400;
    while (Date.now() < until)
      expect(execFileSync('printf', ['next'], { encoding: 'utf8' })).toBe('next');
  });

  it('a shell that died while idle is replaced, and the call runs', () => {
    const pid = Number(execFileSync(SH, ['-c', 'echo $PPID'], { encoding: 'utf8' }));
    process.kill(pid, 'SIGKILL');
    // Dead once its fds are closed (a zombie until node reaps it); waited for, within a bound.
    const zombie = () => /^\S+ \([^)]*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const deadline = Date.now() + 5_000;
    while (!zombie() && Date.now() < deadline);
    expect(zombie()).toBe(true);
    expect(execFileSync('printf', ['ran'], { encoding: 'utf8' })).toBe('ran');
  });

  it('a shell that dies under a command fails the call, and the next call gets a new shell', () => {
    // The command's parent is the shell (the subshell exec'd it): killing it ends the status FIFO.
    const died = outcome(() => execFileSync(SH, ['-c', 'kill -9 $PPID; sleep 0.05']));
    expect(died.code).toBe('ESHELLDIED');
    expect(execFileSync('printf', ['again'], { encoding: 'utf8' })).toBe('again');
  });
});
