// The one list of inputs: policy files (schemas and what they $ref) are the trusted ref's copy,
// however the reads interleave with workspace reads of the same path.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInputReads } from '../../src/app/read-inputs.js';
import type { Ports } from '../../src/app/ports.js';
import type { FileRead } from '../../src/core/evidence.js';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { createSchemaValidator } from '../../src/core/schema/schema-validator.js';

const PATH = 'schemas/y.json';
const parsed = parseConfig('version: 1\ngate: {name: g}\n', 'gate.yml', createSchemaValidator());
if (!parsed.ok) throw new Error('the config parses');
const config = parsed.config;
const file = (path: string, text: string): FileRead => ({
  kind: 'ok',
  path,
  text,
  sha256: createHash('sha256').update(text).digest('hex'),
  bytes: text.length,
});
const later = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/** Workspace reads answer after `workspaceMs`, reads at the trusted ref after `trustedMs`. */
function ports(workspaceMs: number, trustedMs: number) {
  return {
    workspace: {
      root: '/w',
      readFile: (path: string) => later(workspaceMs, file(path, 'the change’s copy')),
    },
    git: { readFileAt: (_ref: string, path: string) => later(trustedMs, file(path, 'trusted')) },
    lookups: {},
  } as unknown as Pick<Ports, 'workspace' | 'git' | 'lookups'>;
}
const trusted = {
  ref: 'a'.repeat(40),
  config: { kind: 'ok' as const, path: 'gate.yml', text: '', sha256: '', bytes: 0 },
};
const text = (read: FileRead) => (read.kind === 'ok' ? read.text : read.kind);

describe('createInputReads', () => {
  it.each([
    ['a workspace read first, finishing first', 0, 30],
    ['a workspace read first, finishing last', 30, 0],
  ])('keeps the trusted copy of a policy file: %s', async (_name, workspaceMs, trustedMs) => {
    const inputs = createInputReads(
      config,
      file('gate.yml', ''),
      ports(workspaceMs, trustedMs),
      trusted,
    );
    const [, policy] = await Promise.all([inputs.read(PATH), inputs.readPolicy(PATH)]);
    expect(text(policy)).toBe('trusted');
    expect(text(inputs.files.get(PATH)!)).toBe('trusted');
    // Asked again, either way, the list's copy.
    expect(text(await inputs.readPolicy(PATH))).toBe('trusted');
    expect(text(await inputs.read(PATH))).toBe('trusted');
  });

  it('without a trusted ref, policy files are the workspace’s, read once', async () => {
    const inputs = createInputReads(config, file('gate.yml', ''), ports(0, 0), undefined);
    expect(inputs.readPolicy).toBe(inputs.read);
    expect(text(await inputs.readPolicy(PATH))).toBe('the change’s copy');
  });
});
