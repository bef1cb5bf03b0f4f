// Duplicate and forbidden keys are found in small objects (a key list) and large ones (a Set past
// eight keys) alike, and value strings are checked though the scanner builds none of them.
import { describe, expect, it } from 'vitest';

import { scanJson } from '../../src/core/parse/json-scan.js';

const scan = (text: string) => scanJson(text, { maxDepth: 64 }).map((i) => i.message);

describe('scanJson keys and strings', () => {
  it('a duplicate key in a small object', () => {
    expect(scan('{"a":1,"b":2,"a":3}')).toEqual([
      'duplicate key "a" (JSON.parse would silently keep the last one)',
    ]);
  });

  it('a duplicate key in an object past eight keys, on either side of the switch', () => {
    const keys = Array.from({ length: 12 }, (_, i) => `"k${i}":${i}`);
    expect(scan(`{${[...keys, '"k1":0', '"k11":0'].join(',')}}`)).toEqual([
      'duplicate key "k1" (JSON.parse would silently keep the last one)',
      'duplicate key "k11" (JSON.parse would silently keep the last one)',
    ]);
    expect(scan(`{${keys.join(',')}}`)).toEqual([]);
  });

  it('escaped keys are compared decoded; forbidden keys are named', () => {
    expect(scan('{"a":1,"\\u0061":2,"__proto__":{}}')).toEqual([
      'duplicate key "a" (JSON.parse would silently keep the last one)',
      'forbidden key "__proto__"',
    ]);
  });

  it('value strings are still checked: control characters and bad escapes stop the scan', () => {
    expect(scan('["ok","a\tb"]')).toEqual(['control character in string (escape it)']);
    expect(scan('{"k":"\\x"}')).toEqual(['bad escape in string']);
    expect(scan('["unterminated')).toEqual(['unterminated string']);
  });
});
