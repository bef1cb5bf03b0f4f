// The shell launcher must answer as execFile does: the in-process runs read git through it, so a
// difference here would be a difference between what the tests see and what ships. Each case
// also checks the command ran under a shell (its parent is not this worker), so a launcher that
// quietly handed everything to execFile would fail here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGitRunner } from '../../src/adapters/git-exec.js';
import { execFileLauncher, type Launcher } from '../../src/adapters/exec-file.js';
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
type Options = typeof options & { env: NodeJS.ProcessEnv };

/** What a launch gives, in a form two launchers can be compared by. */
async function outcome(launch: Launcher, file: string, args: string[], opts: Options = options) {
  const { error, stdout, stderr } = await launch(file, args, opts);
  return {
    stdout: stdout.toString('base64'),
    stderr: stderr.toString(),
    error: error && { code: error.code, killed: error.killed, signal: error.signal },
  };
}

/** The parent of a process the launcher starts: this worker for execFile, else a shell. */
async function parentOf(launch: Launcher): Promise<number> {
  const { stdout } = await launch('/bin/sh', ['-c', 'echo $PPID'], options);
  return Number(stdout.toString());
}

describe('shellLauncher', () => {
  // Words and values the shell must pass through untouched: quotes, expansions, newlines, dashes.
  const hostile = [`it's`, '$(touch pwned)', '`touch pwned`', 'a\nb', '"$HOME"', '*', '; exit 3'];
  const more = ['\\', '-n', '--', '', 'é\u{1F600}'];

  it('starts commands under a shell, not as forks of this worker', async () => {
    expect(await parentOf(execFileLauncher)).toBe(process.pid);
    expect(await parentOf(shellLauncher)).not.toBe(process.pid);
  });

  it('passes arguments and environment values verbatim, and only the environment given', async () => {
    const values = [...hostile, ...more];
    const env = { ...options.env, ...Object.fromEntries(values.map((v, i) => [`V${i}`, v])) };
    const printf = ['%s|', ...values];
    expect(await outcome(shellLauncher, '/usr/bin/printf', printf)).toEqual(
      await outcome(execFileLauncher, '/usr/bin/printf', printf),
    );
    const variables = async (launch: Launcher) =>
      (await launch('/usr/bin/env', ['-0'], { ...options, env })).stdout
        .toString()
        .split('\0')
        .sort();
    expect(await variables(shellLauncher)).toEqual(await variables(execFileLauncher));
    expect(execFileSync('ls', [dir]).toString()).not.toContain('pwned');
  });

  it('gives bytes, exit statuses, stderr, signal dispositions and the directory as execFile does', async () => {
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    for (const [file, args, cwd] of [
      ['/usr/bin/printf', ['a\\000b\\377'], dir],
      ['/bin/sh', ['-c', 'echo out; echo err >&2; exit 1'], dir],
      ['/bin/sh', ['-c', 'exit 128'], dir],
      ['/bin/sh', ['-c', 'exit 255'], dir],
      ['/bin/sh', ['-c', 'grep -E "^Sig(Ign|Blk)" /proc/self/status'], dir],
      ['/bin/pwd', ['-P'], join(dir, 'link', '..')],
    ] as [string, string[], string][])
      expect(await outcome(shellLauncher, file, args, { ...options, cwd })).toEqual(
        await outcome(execFileLauncher, file, args, { ...options, cwd }),
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

  it('kills a command at its timeout, and one reading stdin waits for it as under execFile', async () => {
    const slow = await shellLauncher('/bin/sh', ['-c', 'echo $PPID; exec sleep 5'], {
      ...options,
      timeout: 200,
    });
    expect(Number(slow.stdout.toString())).not.toBe(process.pid);
    expect(slow.error).toMatchObject({ code: null, killed: true, signal: 'SIGTERM' });
    const reading = { ...options, timeout: 300 };
    expect(await outcome(shellLauncher, '/bin/cat', [], reading)).toEqual(
      await outcome(execFileLauncher, '/bin/cat', [], reading),
    );
  });

  it('reports output past maxBuffer, on stdout or stderr, as execFile does', async () => {
    const small = { ...options, maxBuffer: 1000 };
    for (const script of ['head -c 2000 /dev/zero', 'head -c 2000 /dev/zero >&2'])
      expect((await outcome(shellLauncher, '/bin/sh', ['-c', script], small)).error?.code).toBe(
        'ERR_CHILD_PROCESS_STDIO_MAXBUFFER',
      );
  });

  it('runs commands started together side by side, each answering its own', async () => {
    // The first waits for a file the test writes only once the others have answered: one
    // command at a time would never get there.
    const go = join(dir, 'go');
    let waiting = true;
    const slow = shellLauncher(
      '/bin/sh',
      ['-c', `until [ -f ${shellQuote(go)} ]; do sleep 0.02; done`],
      options,
    );
    void slow.then(() => (waiting = false));
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => shellLauncher('/bin/echo', [`n${i}`], options)),
    );
    expect(answers.map((a) => a.stdout.toString().trim())).toEqual(
      Array.from({ length: 6 }, (_, i) => `n${i}`),
    );
    expect(waiting).toBe(true);
    writeFileSync(go, '');
    expect((await slow).error).toBeNull();
  });

  it('a command whose shell dies while it runs fails, and is not run again', async () => {
    const log = join(dir, 'runs.log');
    const script = `echo $PPID > ${shellQuote(join(dir, 'shell.pid'))}; echo run >> ${shellQuote(log)}; sleep 1`;
    const running = shellLauncher('/bin/sh', ['-c', script], options);
    let shellPid = '';
    while (!shellPid) {
      await new Promise((settle) => setTimeout(settle, 20));
      shellPid = readFileSync(join(dir, 'shell.pid'), { encoding: 'utf8', flag: 'a+' }).trim();
    }
    process.kill(Number(shellPid), 'SIGKILL');
    expect((await running).error?.code).toBe('ESHELLDIED');
    expect(readFileSync(log, 'utf8')).toBe('run\n');
  });

  it('a process killed by a signal it did not send reads as 128 + n, a failure either way', async () => {
    const killedSelf = ['-c', 'kill -KILL $$'];
    expect((await shellLauncher('/bin/sh', killedSelf, options)).error).toMatchObject({
      code: 137,
    });
    expect((await execFileLauncher('/bin/sh', killedSelf, options)).error).toMatchObject({
      code: null,
      signal: 'SIGKILL',
    });
    const viaShell = createGitRunner((_file, _args, launch) =>
      shellLauncher('/bin/sh', killedSelf, launch),
    );
    expect(await viaShell(dir, ['log'])).toMatchObject({ kind: 'unavailable' });
  });

  it('leaves to execFile what the shell would start differently', async () => {
    const missing = { ...options, cwd: join(dir, 'no-such-dir') };
    expect(await outcome(shellLauncher, '/bin/true', [], missing)).toEqual(
      await outcome(execFileLauncher, '/bin/true', [], missing),
    );
    const dashed = { ...options, env: { ...options.env, 'A-B': 'x' } };
    expect((await shellLauncher('/usr/bin/env', [], dashed)).stdout.toString()).toContain('A-B=x');
    // A NUL byte: Node refuses it (dash would drop it and read another path).
    for (const launch of [shellLauncher, execFileLauncher])
      await expect(launch('/bin/cat', ['a\0.md'], options)).rejects.toMatchObject({
        code: 'ERR_INVALID_ARG_VALUE',
      });
  });

  it('quotes a word so that the shell reads it back as is', () => {
    for (const word of [...hostile, ...more])
      expect(execFileSync('/bin/sh', ['-c', `printf %s ${shellQuote(word)}`]).toString()).toBe(
        word,
      );
  });
});
