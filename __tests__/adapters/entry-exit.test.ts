// How the entries end (src/adapters/entry-exit.ts): the exit code main resolves to, and a failing
// code when main throws, rejects or never settles; never 0 by default.
import { describe, expect, it } from 'vitest';
import { exitWhenSettled, workflowCommandData } from '../../src/adapters/entry-exit.js';

function harness<T>(codeOf: (value: T) => number) {
  const codes: number[] = [];
  const reported: unknown[] = [];
  return {
    codes,
    reported,
    exit: {
      fault: 3,
      codeOf,
      report: (error: unknown) => reported.push(error),
      setCode: (code: number) => codes.push(code),
    },
  };
}

describe('exitWhenSettled', () => {
  it('holds the fault code until main resolves, then sets the code for its value', async () => {
    const h = harness((code: number) => code);
    let resolve!: (code: number) => void;
    const settled = exitWhenSettled(() => new Promise<number>((r) => (resolve = r)), h.exit);
    // A main that never settled would leave the process with this code.
    expect(h.codes).toEqual([3]);
    resolve(0);
    expect(await settled).toBe(0);
    expect(h.codes).toEqual([3, 0]);
    expect(h.reported).toEqual([]);
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('boom'))],
    [
      'throws before returning a promise',
      () => {
        throw new Error('boom');
      },
    ],
  ])('a main that %s is reported and ends with the fault code', async (_, main) => {
    const h = harness((code: number) => code);
    expect(await exitWhenSettled(main, h.exit)).toBeUndefined();
    expect(h.codes).toEqual([3, 3]);
    expect(h.reported).toEqual([new Error('boom')]);
  });
});

describe('workflowCommandData', () => {
  it('keeps a fault message on one line that cannot start another command', () => {
    const text = workflowCommandData('50% done\r\n::set-output name=verdict::GO\n');
    expect(text).toBe('50%25 done%0D%0A::set-output name=verdict::GO%0A');
    expect(text).not.toMatch(/[\r\n]/);
  });
});
