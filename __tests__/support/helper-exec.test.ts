// helperExecFileSync behaves as execFileSync does for what the fixtures use: stdout, the
// environment and input given, a thrown error carrying status and stderr.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { helperExecFileSync } from './helper-exec.js';

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { status, stderr, message } = error as {
      status: number | null;
      stderr: Buffer | string;
      message: string;
    };
    return { status, stderr: stderr.toString(), failed: message.startsWith('Command failed') };
  }
  throw new Error('did not throw');
};

describe('helperExecFileSync', () => {
  it('returns stdout as a Buffer, or a string with an encoding, as execFileSync', () => {
    const args = ['-c', 'printf "%s|%s|%s" "$PWD" "$WHO" "$(cat)"'];
    const options = { cwd: '/', env: { ...process.env, WHO: 'fixture' }, input: 'piped' };
    expect(helperExecFileSync('sh', args, options)).toEqual(execFileSync('sh', args, options));
    expect(helperExecFileSync('sh', args, { ...options, encoding: 'utf8' })).toBe(
      '/|fixture|piped',
    );
  });

  it('throws on a non-zero exit with status and stderr, as execFileSync', () => {
    const args = ['-c', 'echo nope >&2; exit 3'];
    const options = { stdio: 'pipe' as const };
    expect(failure(() => helperExecFileSync('sh', args))).toEqual(
      failure(() => execFileSync('sh', args, options)),
    );
    expect(failure(() => helperExecFileSync('sh', args))).toMatchObject({ status: 3 });
  });

  it('throws when the program does not exist', () => {
    expect(() => helperExecFileSync('/nonexistent/program', [])).toThrow(/ENOENT/);
  });
});
