// The crash list as bad input (exit 3) or handled checks, never an internal fault: each root
// cause in-process (the CLI smoke runs are in cli-untrusted.test.ts).
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { createSchemaValidator } from '../../src/core/schema/schema-validator.js';
import { formatLocation } from '../../src/core/model.js';
import { checkDurationRange, MAX_DURATION_MS } from '../../src/core/config/duration.js';
import { mentionsVersion } from '../../src/core/checks/changelog.js';
import { createRedactor, findWeakSecrets, MASK, redactDeep } from '../../src/core/redact.js';
import { MAX_SHARDS, parseShardSpec, partitionCommands } from '../../src/core/shard/partition.js';
import { compareSets } from '../../src/core/values/set-difference.js';
import { readOwn } from '../../src/core/own-key.js';
import { readWorkingDirectory } from '../../src/action/working-directory.js';
import { mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const validator = createSchemaValidator();
const PATH = '.github/cutover-checkpoint.yml';
const errorsOf = (text: string) => {
  const result = parseConfig(text, PATH, validator);
  return result.ok ? [] : result.errors.map((e) => `${formatLocation(e.location)}: ${e.message}`);
};

describe('timeouts', () => {
  it.each([
    ['timeout: 600h', 'commands:\n  - id: t\n    run: x\n    timeout: 600h\n', ':7:14'],
    [
      'timeout in seconds beyond a timer',
      'commands:\n  - id: t\n    run: x\n    timeout: 1e12\n',
      ':7:14',
    ],
    ['run_timeout', 'command_defaults:\n  run_timeout: 9999h\n', ':5:16'],
    ['a default that rounds to 0ms', 'command_defaults:\n  timeout: 0.0001\n', ':5:12'],
  ])('%s is a config error at its line', (_name, body, at) => {
    const errors = errorsOf(`version: 1\ngate:\n  name: g\n${body}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${PATH}${at}`);
    expect(errors[0]).toMatch(/longer than the maximum of 168h|shorter than 1ms/);
  });

  it('accepts the bounds themselves', () => {
    expect(checkDurationRange('168h')).toBeUndefined();
    expect(checkDurationRange('1ms')).toBeUndefined();
    expect(checkDurationRange(MAX_DURATION_MS / 1000 + 1)).toBeDefined();
    expect(MAX_DURATION_MS).toBeLessThan(2 ** 31 - 1);
  });
});

describe('a release tag is matched as text, never compiled', () => {
  it.each([
    ['## [0.3.2] - 2026-02-01', '0.3.2', true],
    ['## v0.3.2', '0.3.2', true],
    ['## 0.3.20', '0.3.2', false],
    ['## 10.3.2', '0.3.2', false],
    ['## 0.3.2-rc.1', '0.3.2', false],
    ['## [0.3.2[]', '0.3.2[', true],
    ['## (.*)', '(.*)', true],
    ['## anything', '.*', false],
  ])('%s names %s: %s', (heading, version, expected) => {
    expect(mentionsVersion(heading, version)).toBe(expected);
  });

  it('takes a 60 KB tag without a regular expression error', () => {
    expect(mentionsVersion('## v0.3.2', 'a'.repeat(60_000))).toBe(false);
  });
});

describe('a secret equal to a common word', () => {
  it('is masked in free text but never in ids, enums, digests or dates of the record', () => {
    const redact = createRedactor(['pass', 'GO', 'rehearsal']);
    const record = {
      decision_requested: 'rehearsal',
      verdict: 'GO',
      checks: [{ id: 'pass', status: 'pass', blocks: ['rehearsal'], summary: 'pass word' }],
      decisions: { rehearsal: { state: 'GO', blocked_by: [], label: 'rehearsal pass' } },
    };
    expect(redactDeep(record, redact)).toEqual({
      decision_requested: 'rehearsal',
      verdict: 'GO',
      checks: [{ id: 'pass', status: 'pass', blocks: ['rehearsal'], summary: `${MASK} word` }],
      decisions: { rehearsal: { state: 'GO', blocked_by: [], label: `${MASK} ${MASK}` } },
    });
  });

  it('a multi-line secret is masked line by line too (output is redacted per line)', () => {
    const redact = createRedactor(['{\n  "client_secret": "c1-9f8e7d",\n  "id": 42\n}']);
    expect(redact('line  "client_secret": "c1-9f8e7d",')).toBe(`line  ${MASK}`);
    expect(redact('}')).toBe('}');
  });

  it('is reported as weak when shorter than 8 characters', () => {
    expect(findWeakSecrets(['pass', 'long-enough-secret', 'ab', undefined])).toEqual(['pass']);
  });
});

describe('untrusted keys index own properties only', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('%s', (key) => {
    expect(readOwn({}, key)).toBeUndefined();
    expect(readOwn(JSON.parse(`{"${key}": 1}`), key)).toBe(1);
  });
});

describe('shards', () => {
  it.each(['1/4294967296', '1/30000000', `1/${MAX_SHARDS + 1}`, '1/1e9', `1/${'9'.repeat(400)}`])(
    '%s is refused with a message',
    (spec) => {
      expect(parseShardSpec(spec)).toMatchObject({ kind: 'unavailable', reason: /shard/ });
    },
  );

  it('accepts up to the bound, and the partitioner never allocates beyond it', () => {
    expect(parseShardSpec(`${MAX_SHARDS}/${MAX_SHARDS}`)).toEqual({
      kind: 'ok',
      value: { index: MAX_SHARDS, count: MAX_SHARDS },
    });
    expect(() => partitionCommands([], 2 ** 32)).toThrow(RangeError);
  });
});

describe('same-set compares by type and value', () => {
  it.each([
    [['1'], [1], ['1'], ['"1"']],
    [['true'], [true], ['true'], ['"true"']],
    [[{ a: 1, b: 2 }], [{ b: 2, a: 1 }], [], []],
    [['a', 'b'], ['b', 'a'], [], []],
  ])('%j vs %j', (expected, observed, added, removed) => {
    expect(compareSets(expected, observed)).toEqual({ added, removed });
  });
});

describe('working-directory', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'cc-wd-'));
  mkdirSync(join(workspace, 'services', 'api'), { recursive: true });
  symlinkSync(tmpdir(), join(workspace, 'out'));

  it.each(['../../x', '..', '/etc', 'services/../../x', 'out'])('%s is refused', (value) => {
    expect(() => readWorkingDirectory(workspace, value)).toThrow(/leads outside the workspace/);
  });

  it.each(['.', 'services/api', 'services/../services/api', 'not-yet'])('%s is fine', (value) => {
    expect(readWorkingDirectory(workspace, value)).toBe(value);
  });
});
