// The leftover scan's reads of /proc (one reused buffer) against node's own readFileSync: the
// same text for a process's files, also when its environment is larger than the buffer starts,
// and nothing (not a throw) for a process that is gone.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_PROC } from '../../src/adapters/proc-files.js';
import { until } from '../support/until.js';

const FILES = [
  ['environ', 'latin1'],
  ['cmdline', 'utf8'],
  ['stat', 'latin1'],
] as const;
const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

/** A sleeping process (its files stay as they are) with `env`. */
async function sleeper(env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn('sleep', ['30'], { env, stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  const pid = child.pid!;
  // Its environment shows once its exec is done; its stat (page faults, times) stays still only
  // once it sleeps: state S, the field after the name's closing parenthesis.
  await until(
    () =>
      readFileSync(`/proc/${pid}/cmdline`, 'utf8') === 'sleep\x0030\x00' &&
      readFileSync(`/proc/${pid}/stat`, 'latin1').includes(') S '),
    `sleep ${pid} not asleep`,
    { everyMs: 5 },
  );
  return pid;
}

describe.runIf(existsSync('/proc/self/environ'))('SYSTEM_PROC.read', () => {
  it('reads environ, cmdline and stat as readFileSync does', async () => {
    const pid = await sleeper({ PATH: process.env.PATH, MARK: 'é€' });
    for (const [file, encoding] of FILES)
      expect(SYSTEM_PROC.read(pid, file), file).toBe(
        readFileSync(`/proc/${pid}/${file}`, encoding),
      );
  });

  it('reads a whole environment of 400 kB (the buffer grows), then a small file again', async () => {
    const big: NodeJS.ProcessEnv = { PATH: process.env.PATH };
    // Each variable under the kernel's 128 KiB limit for one string.
    for (let i = 0; i < 8; i++) big[`BIG${i}`] = `${i}é`.repeat(25_000);
    const pid = await sleeper(big);
    const environ = SYSTEM_PROC.read(pid, 'environ')!;
    expect(environ.length).toBeGreaterThan(400_000);
    expect(environ).toBe(readFileSync(`/proc/${pid}/environ`, 'latin1'));
    expect(SYSTEM_PROC.read(pid, 'cmdline')).toBe('sleep\x0030\x00');
  });

  it('answers undefined for a process that is gone', async () => {
    const child = spawn('true', [], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    for (const [file] of FILES) expect(SYSTEM_PROC.read(child.pid!, file), file).toBeUndefined();
  });
});
