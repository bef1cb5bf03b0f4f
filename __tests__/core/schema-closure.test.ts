// One walk per user schema: the companions to compile with and the files gate.integrity protects.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FileRead } from '../../src/core/evidence.js';
import { walkSchemaClosure } from '../../src/core/schema/schema-closure.js';
import { schemaUri } from '../../src/core/schema/schema-validator.js';

function files(texts: Record<string, string | null>): Record<string, FileRead> {
  return Object.fromEntries(
    Object.entries(texts).map(([path, text]): [string, FileRead] => [
      path,
      text === null
        ? { kind: 'missing', path }
        : {
            kind: 'ok',
            path,
            text,
            sha256: createHash('sha256').update(text).digest('hex'),
            bytes: text.length,
          },
    ]),
  );
}

const refs = (...targets: string[]) =>
  JSON.stringify({ allOf: targets.map((t) => ({ $ref: `${t}#/$defs/x` })) });

describe('walkSchemaClosure', () => {
  it('compiles with every file the refs reach, each once, cycles included', () => {
    const closure = walkSchemaClosure(
      files({
        's/a.json': refs('./b.json', './c.json'),
        's/b.json': refs('./c.json'),
        's/c.json': refs('./a.json'),
      }),
      's/a.json',
    );
    expect([...closure.paths].sort()).toEqual(['s/a.json', 's/b.json', 's/c.json']);
    expect(closure.source).toMatchObject({ name: 's/a.json' });
    const companions = (closure.source as { companions: Record<string, unknown> }).companions;
    expect(Object.keys(companions).sort()).toEqual(
      ['s/a.json', 's/b.json', 's/c.json'].map(schemaUri).sort(),
    );
  });

  it('goes on past a file it cannot load: every reachable file is still protected', () => {
    // a → b (missing), a → c → d: d is reached only past the problem with b.
    const closure = walkSchemaClosure(
      files({
        'a.json': refs('./b.json', './c.json'),
        'b.json': null,
        'c.json': refs('./d.json'),
        'd.json': '{}',
      }),
      'a.json',
    );
    expect([...closure.paths].sort()).toEqual(['a.json', 'b.json', 'c.json', 'd.json']);
    expect(closure.source).toEqual({ message: 'schema b.json not found', file: 'b.json' });
  });

  it('a ref out of the workspace is the problem, and is not followed', () => {
    const closure = walkSchemaClosure(files({ 'a.json': refs('../../etc/x.json') }), 'a.json');
    expect(closure.paths).toEqual(['a.json']);
    expect(closure.source).toMatchObject({
      message: expect.stringMatching(/^schema a\.json \$refs '\.\.\/\.\.\/etc\/x\.json', which /),
      file: 'a.json',
    });
  });

  it('an unparseable schema names its line and column', () => {
    const closure = walkSchemaClosure(files({ 'a.json': '{\n  "type": }' }), 'a.json');
    expect(closure.paths).toEqual(['a.json']);
    expect(closure.source).toMatchObject({
      message: expect.stringMatching(/^schema a\.json:2:\d+ is not valid: /),
    });
  });
});
