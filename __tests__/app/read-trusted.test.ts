// Policy at the trusted ref (SPEC §10) with fake ports: git first, the contents API when the clone
// lacks the trusted ref's objects, and never the tree's own policy when neither can answer.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/app/load-config.js';
import type { GitPort, LookupsPort, WorkspacePort } from '../../src/app/ports.js';
import { readTrustedFile } from '../../src/app/read-trusted.js';
import type { FileRead, TrustedRead } from '../../src/core/evidence.js';
import { createSchemaValidator } from '../../src/core/schema/schema-validator.js';

const SHA = 'c'.repeat(40);
const PATH = 'checkpoint.yml';
const BASE = 'version: 1\ngate:\n  name: base-policy\n';
const HEAD = 'version: 1\ngate:\n  name: head-policy\n';
const ok = (text: string): TrustedRead => ({
  kind: 'ok',
  path: PATH,
  text,
  sha256: createHash('sha256').update(text).digest('hex'),
  bytes: Buffer.byteLength(text),
});
const unavailable: TrustedRead = {
  kind: 'unavailable',
  path: PATH,
  reason: 'not in this clone: check out with `fetch-depth: 0`',
};

function ports(gitRead: TrustedRead, apiRead?: TrustedRead) {
  const asked: string[] = [];
  const workspace: WorkspacePort = {
    root: '/ws',
    readFile: async () => ok(HEAD) as FileRead,
  };
  const git = { readFileAt: async () => gitRead } as unknown as GitPort;
  const lookups = {
    ...(apiRead
      ? {
          policyFileAt: async (sha: string, path: string) => {
            asked.push(`${sha}:${path}`);
            return apiRead;
          },
        }
      : {}),
  } as unknown as LookupsPort;
  return { workspace, git, lookups, asked };
}

describe('readTrustedFile', () => {
  const cases: { name: string; git: TrustedRead; api?: TrustedRead; want: string; asks: number }[] =
    [
      {
        name: 'git has it: the API is not asked',
        git: ok(BASE),
        api: ok('x'),
        want: 'ok',
        asks: 0,
      },
      {
        name: 'git says missing: a change like any other, the API is not asked',
        git: { kind: 'missing', path: PATH },
        api: ok('x'),
        want: 'missing',
        asks: 0,
      },
      {
        name: 'shallow clone: read through the API',
        git: unavailable,
        api: ok(BASE),
        want: 'ok',
        asks: 1,
      },
      {
        name: 'shallow clone, API unavailable',
        git: unavailable,
        api: { ...unavailable, reason: 'HTTP 404' },
        want: 'unavailable',
        asks: 1,
      },
      { name: 'shallow clone, no API port', git: unavailable, want: 'unavailable', asks: 0 },
    ];
  for (const c of cases)
    it(c.name, async () => {
      const p = ports(c.git, c.api);
      const read = await readTrustedFile(p, SHA, PATH);
      expect(read.kind).toBe(c.want);
      expect(p.asked).toHaveLength(c.asks);
      if (c.asks) expect(p.asked[0]).toBe(`${SHA}:${PATH}`);
      if (read.kind === 'unavailable') expect(read.reason).toContain('fetch-depth: 0');
    });

  it('a ref that is not a full sha is never sent to the API', async () => {
    const p = ports(unavailable, ok(BASE));
    expect((await readTrustedFile(p, 'main', PATH)).kind).toBe('unavailable');
    expect(p.asked).toEqual([]);
  });
});

describe('loadPolicy in a shallow clone', () => {
  const validator = createSchemaValidator();
  it('judges under the base policy read through the API', async () => {
    const loaded = await loadPolicy(ports(unavailable, ok(BASE)), PATH, validator, {
      kind: 'ref',
      ref: SHA,
    });
    expect(loaded.ok && loaded.config.gate.name).toBe('base-policy');
    expect(loaded.ok && loaded.trusted?.config.kind).toBe('ok');
  });

  it('API unavailable: the trusted read is unavailable (gate.integrity error), naming fetch-depth: 0', async () => {
    const loaded = await loadPolicy(
      ports(unavailable, { ...unavailable, reason: 'HTTP 404' }),
      PATH,
      validator,
      { kind: 'ref', ref: SHA },
    );
    if (!loaded.ok) throw new Error('expected a loaded policy');
    expect(loaded.trusted?.config.kind).toBe('unavailable');
    const reason =
      loaded.trusted?.config.kind === 'unavailable' ? loaded.trusted.config.reason : '';
    expect(reason).toMatch(/fetch-depth: 0.*HTTP 404/);
  });
});
