// compareSets (enum sync, same-set and subset rules): first-seen order, members by type and value,
// and strings compared as themselves (issue 10: a million codes).
import { describe, expect, it } from 'vitest';

import { compareSets } from '../../src/core/values/set-difference.js';

describe('compareSets', () => {
  it('lists what was added and removed in first-seen order, once each', () => {
    expect(compareSets(['a', 'b', 'c', 'b'], ['c', 'd', 'a', 'e', 'd'])).toEqual({
      added: ['d', 'e'],
      removed: ['b'],
    });
  });

  it('strings that JSON would escape are members like any other', () => {
    expect(compareSets(['"x"', 'x', '\\'], ['x', '\\'])).toEqual({ added: [], removed: ['"x"'] });
  });

  it('mixed members compare by type and value and show as JSON', () => {
    expect(compareSets(['1', 1, true, { a: 1, b: 2 }], [1, 'true', { b: 2, a: 1 }])).toEqual({
      added: ['"true"'],
      removed: ['"1"', 'true'],
    });
  });

  it('two hundred thousand string members: the same answer at scale', () => {
    const codes = Array.from({ length: 200_000 }, (_, i) => `E_${i}`);
    const observed = [...codes.slice(1), 'E_new'];
    expect(compareSets(codes, observed)).toEqual({ added: ['E_new'], removed: ['E_0'] });
  });
});
