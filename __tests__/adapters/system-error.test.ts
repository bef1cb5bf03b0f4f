// Which errors an adapter may turn into data (the outside world's answer) and which it must throw
// on (a fault): src/adapters/system-error.ts, used by the workspace reader and the command runner.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSystemError } from '../../src/adapters/system-error.js';

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('isSystemError', () => {
  it.each<[string, unknown, boolean]>([
    [
      'a failed stat (ENOENT, errno and syscall)',
      thrownBy(() => statSync('/no/such/path/here')),
      true,
    ],
    ['a TypeError (a bug)', new TypeError('x is undefined'), false],
    [
      'a RangeError with a Node code but no errno',
      Object.assign(new RangeError('too big'), { code: 'ERR_FS_FILE_TOO_LARGE' }),
      false,
    ],
    ['an errno without a syscall', Object.assign(new Error('odd'), { errno: -2 }), false],
    ['a plain object shaped like one', { errno: -13, syscall: 'open', message: 'EACCES' }, false],
    ['nothing', undefined, false],
  ])('%s: %s', (_name, error, expected) => {
    expect(isSystemError(error)).toBe(expected);
  });
});
