// Records named by a user (shards to aggregate, a record to verify) are read once, one way: JSON
// without duplicate keys, then the decision-record schema. Whatever the gate writes must read back,
// however deep the artifact values a check kept; a hostile file still meets a bound.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RECORD_DEPTH, readRecords } from '../../src/app/read-records.js';
import { MAX_DEPTH_LIMIT } from '../../src/core/config/normalize-config.js';
import { createSchemaValidator } from '../../src/core/schema/schema-validator.js';
import { gitWorkspace } from '../action/git-workspace.js';
import { cli } from '../cli/cli-helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GOLDEN = readFileSync(
  join(ROOT, '__tests__/scenarios/cases/as-shipped-cutover/expected-record.json'),
  'utf8',
);
/** `depth` nested arrays around a number: `[[[1]]]` is 3 deep. */
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
/** The golden record with a check that kept `value` (JSON text) as `observed`. */
const withObserved = (value: string) =>
  GOLDEN.replace(
    /"checks": \[\n/,
    `"checks": [{"id":"rule.deep","kind":"rule","status":"fail","blocks":[],"abort":false,"summary":"s","details":[],"observed":${value}},\n`,
  );

describe('readRecords', () => {
  it('holds the config schema maximum for max_depth as its own', () => {
    const schema = JSON.parse(
      readFileSync(join(ROOT, 'schemas/checkpoint-config.schema.json'), 'utf8'),
    );
    expect(schema.properties.limits.properties.max_depth.maximum).toBe(MAX_DEPTH_LIMIT);
  });

  it.each([
    ['a value as deep as a config may allow', MAX_DEPTH_LIMIT, 1],
    ['a value past the record bound', MAX_RECORD_DEPTH, 0],
  ])('a check that kept %s', (_, depth, count) => {
    const text = withObserved(nested(depth));
    const read = readRecords([{ path: 'r.json', text }], createSchemaValidator());
    expect(read.records).toHaveLength(count);
    if (count === 0) expect(read.errors[0]!.message).toMatch(/nesting deeper than \d+ levels/);
    else expect(read.errors).toEqual([]);
  });
});

describe('verify-record on a record whose rule kept a deep artifact value', () => {
  // The gate's own record (a failing rule keeps the artifact at 62 levels, within the default 64,
  // three levels into the record) was refused as "not a decision record" (exit 3).
  const dir = gitWorkspace({
    '.github/cutover-checkpoint.yml': [
      'version: 1',
      'gate: {name: deep}',
      'artifacts: [{id: deep, path: deep.json}]',
      'rules: [{id: whole, type: equal, left: "deep#", value: 2}]',
      '',
    ].join('\n'),
    'deep.json': `${'{"a":'.repeat(62)}1${'}'.repeat(62)}\n`,
    '.gitignore': 'out/\n',
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what the gate wrote and verifies it', async () => {
    const run = await cli(['run', '--out', 'out'], dir);
    expect(run.status, run.stderr).toBe(1);
    const verify = await cli(['verify-record', 'out/decision-record.json'], dir);
    expect(verify.stderr).not.toContain('not a decision record');
    expect(verify.stdout).toContain('Evidence unchanged');
  });
});
