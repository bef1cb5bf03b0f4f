// The shell launcher must answer as execFile does: the in-process runs read git through it, so a
// difference here would be a difference between what the tests see and what ships.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGitRunner, execFileLauncher } from '../../src/adapters/git-exec.js';
import { shellLauncher } from './shell-launcher.js';
import { shellQuote } from './shell-command.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-shell-launcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
git('init', '-q', '-b', 'main');
writeFileSync(join(dir, 'a.md'), '# a\n');
git('add', '.');
git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'one');

const options = {
  cwd: dir,
  env: { PATH: process.env.PATH ?? '' },
  timeout: 10_000,
  maxBuffer: 1 << 20,
};
/** What a launch gives, in a form two launchers can be compared by. */
async function outcome(
  launch: typeof execFileLauncher,
  file: string,
  args: string[],
  opts = options,
) {
  const { error, stdout, stderr } = await launch(file, args, opts);
  return {
    stdout: stdout.toString('base64'),
    stderr: stderr.toString(),
    error: error && { code: error.code, killed: error.killed, signal: error.signal },
  };
}

describe('shellLauncher', () => {
  // Words and values the shell must pass through untouched: quotes, expansions, newlines.
  const hostile = [
    `it's`,
    '$(touch pwned)',
    '`touch pwned`',
    'a\nb',
    '"$HOME"',
    '*',
    '; exit 3',
    '\\',
  ];

  it('passes arguments and environment values verbatim, and only the environment given', async () => {
    const env = {
      PATH: process.env.PATH ?? '',
      ...Object.fromEntries(hostile.map((v, i) => [`V${i}`, v])),
    };
    const printf = ['%s|', ...hostile];
    expect(await outcome(shellLauncher, '/usr/bin/printf', printf)).toEqual(
      await outcome(execFileLauncher, '/usr/bin/printf', printf),
    );
    const shell = await shellLauncher('/usr/bin/env', [], { ...options, env });
    const node = await execFileLauncher('/usr/bin/env', [], { ...options, env });
    expect(shell.stdout.toString()).toBe(node.stdout.toString());
    expect(shell.stdout.toString()).not.toMatch(/^(PWD|OLDPWD)=/m);
    expect(execFileSync('ls', [dir]).toString()).not.toContain('pwned');
  });

  it('gives bytes, exit statuses and stderr as execFile does', async () => {
    for (const [file, args] of [
      ['/usr/bin/printf', ['a\\000b\\377']],
      ['/bin/sh', ['-c', 'echo out; echo err >&2; exit 1']],
      ['/bin/sh', ['-c', 'exit 128']],
      ['/bin/sh', ['-c', 'pwd']],
    ] as [string, string[]][])
      expect(await outcome(shellLauncher, file, args)).toEqual(
        await outcome(execFileLauncher, file, args),
      );
  });

  it('answers git as the product reads it, for every kind of answer', async () => {
    const viaShell = createGitRunner(shellLauncher);
    const viaNode = createGitRunner(execFileLauncher);
    for (const args of [
      ['rev-parse', 'HEAD'],
      ['cat-file', '-e', 'nope^{commit}'],
      ['show', 'HEAD:./missing.md'],
      ['log', '--format=%H%x00%cI', '--', 'a.md'],
      ['no-such-command'],
    ]) {
      const [a, b] = await Promise.all([viaShell(dir, args), viaNode(dir, args)]);
      expect({ ...a, cause: undefined }).toEqual({ ...b, cause: undefined });
    }
    const outside = mkdtempSync(join(tmpdir(), 'cc-not-a-repo-'));
    const [a, b] = await Promise.all([viaShell(outside, ['status']), viaNode(outside, ['status'])]);
    rmSync(outside, { recursive: true });
    expect(a).toMatchObject({ kind: 'unavailable', reason: (b as { reason: string }).reason });
  });

  it('kills a command at its timeout and one that writes past maxBuffer, as execFile reports them', async () => {
    expect(
      (await outcome(shellLauncher, '/bin/sleep', ['5'], { ...options, timeout: 100 })).error,
    ).toEqual({ code: null, killed: true, signal: 'SIGTERM' });
    const big = await outcome(shellLauncher, '/usr/bin/head', ['-c', '2000', '/dev/zero'], {
      ...options,
      maxBuffer: 1000,
    });
    expect(big.error?.code).toBe('ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
  });

  it('leaves to execFile what the shell would start differently', async () => {
    const missing = join(dir, 'no-such-dir');
    expect(await outcome(shellLauncher, '/bin/true', [], { ...options, cwd: missing })).toEqual(
      await outcome(execFileLauncher, '/bin/true', [], { ...options, cwd: missing }),
    );
    const dashed = { ...options, env: { ...options.env, 'A-B': 'x' } };
    expect((await shellLauncher('/usr/bin/env', [], dashed)).stdout.toString()).toContain('A-B=x');
  });

  it('answers commands started together, each its own', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => shellLauncher('/bin/echo', [`n${i}`], options)),
    );
    expect(answers.map((a) => a.stdout.toString().trim())).toEqual(
      Array.from({ length: 12 }, (_, i) => `n${i}`),
    );
  });

  it('quotes a word so that the shell reads it back as is', () => {
    for (const word of hostile)
      expect(execFileSync('/bin/sh', ['-c', `printf %s ${shellQuote(word)}`]).toString()).toBe(
        word,
      );
  });
});
