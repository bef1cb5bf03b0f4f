// Sharding, aggregation and replay through the built CLI.
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, workspace } from './cli-helpers.js';

const SLEEPS = Array.from(
  { length: 12 },
  (_, i) =>
    `  - {id: sleep-${String(i).padStart(2, '0')}, run: 'sleep 0.2; echo 1 passed, 0 failed', reports_tests: true}`,
).join('\n');
const CONFIG = `version: 1\ngate: {name: sharded}\ndocuments:\n  - {id: readme, path: README.md, contains: [rollback]}\ncommands:\n${SLEEPS}\n  - {id: build, run: 'test -d .'}\n  - {id: after-build, run: 'test -d . && echo 2 passed, 0 failed', needs: [build]}\n`;
let dir: string;

/** The CLI in the shared workspace (runs can overlap: shards run concurrently). */
const cliAsync = (args: string[], env: Record<string, string> = {}) => cli(args, dir, env);

type Rec = {
  verdict: string;
  checks: { id: string; status: string; blocks: string[]; abort: boolean }[];
  commands: {
    id: string;
    state: string;
    exit_code: number | null;
    signal: string | null;
    timed_out: boolean;
    tests: unknown;
  }[];
};
const essence = (record: Rec) => ({
  verdict: record.verdict,
  checks: record.checks.map(({ id, status, blocks, abort }) => ({ id, status, blocks, abort })),
  commands: record.commands.map(({ id, state, exit_code, signal, timed_out, tests }) => ({
    id,
    state,
    exit_code,
    signal,
    timed_out,
    tests,
  })),
});
const read = (path: string) =>
  JSON.parse(readFileSync(join(dir, path), 'utf8')) as Rec & Record<string, unknown>;

beforeAll(async () => {
  dir = workspace({
    '.github/cutover-checkpoint.yml': CONFIG,
    'README.md': '# svc\nrollback: redeploy v1\n',
  });
  const shards = await Promise.all(
    [1, 2, 3, 4].map((i) =>
      cliAsync(['run', '--shard', `${i}/4`, '--out', `shards/${i}`, '--json'], {
        GITHUB_SHA: 'a'.repeat(40),
      }),
    ),
  );
  expect(
    shards.map((s) => s.status),
    shards.map((s) => s.stdout + s.stderr).join('\n'),
  ).toEqual([0, 0, 0, 0]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shardFiles = [1, 2, 3, 4].map((i) => `shards/${i}/decision-record.json`);

describe('shards', () => {
  it('each shard runs a balanced slice, linked commands together, and is marked as a shard', () => {
    const slices = shardFiles.map((f) => (read(f).shard as { commands: string[] }).commands);
    expect(slices.flat().sort()).toHaveLength(14);
    expect(slices.map((s) => s.length).sort()).toEqual([3, 3, 4, 4]);
    const home = (id: string) => slices.findIndex((s) => s.includes(id));
    expect(home('build')).toBe(home('after-build'));
    // Everything that is not a command is evaluated once, in shard 1.
    const second = read(shardFiles[1]!).checks;
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((c) => c.id.startsWith('command.'))).toBe(true);
    expect(read(shardFiles[0]!).checks.some((c) => c.id === 'document.readme')).toBe(true);
  });

  it('the aggregate equals one unsharded run in verdict, checks and command results', async () => {
    const merged = await cli(['aggregate', ...shardFiles, '--out', 'merged', '--json'], dir, {
      GITHUB_SHA: 'a'.repeat(40),
    });
    const single = await cli(['run', '--out', 'single', '--json'], dir, {
      GITHUB_SHA: 'a'.repeat(40),
    });
    expect(merged.status, merged.stderr).toBe(single.status);
    const a = JSON.parse(merged.stdout) as Rec & { aggregated_from: string[]; shard?: unknown };
    expect(essence(a)).toEqual(essence(JSON.parse(single.stdout) as Rec));
    expect(a.aggregated_from).toEqual(shardFiles);
    expect(a.shard).toBeUndefined();
    expect(readFileSync(join(dir, 'merged/report.md'), 'utf8')).toContain('```mermaid');
  });

  it.each([
    ['one shard missing', shardFiles.slice(0, 3), ['shard 4/4 is missing']],
    [
      'one shard duplicated',
      [shardFiles[0]!, shardFiles[1]!, shardFiles[1]!, shardFiles[2]!, shardFiles[3]!],
      ['shard 2/4 is given 2 times: shards/2/decision-record.json, shards/2/decision-record.json'],
    ],
  ])('refuses %s with exit 3 naming the problem', async (_name, files, mentions) => {
    const run = await cli(['aggregate', ...files, '--out', 'refused'], dir);
    expect(run.status).toBe(3);
    for (const mention of mentions) expect(run.stderr).toContain(mention);
  });

  it('refuses an aggregate asked another question than its shards: exit 3, never their verdict', async () => {
    // An unsharded `run --decision cutover` here is judged for the cutover; the rehearsal shards'
    // merged GO must not stand in for it, nor for a release tag they were not given.
    const cutover = await cli(
      ['aggregate', ...shardFiles, '--out', 'refused', '--decision', 'cutover'],
      dir,
    );
    expect(cutover.status).toBe(3);
    expect(cutover.stdout).toBe('');
    expect(cutover.stderr).toContain('decision: cutover in this job, rehearsal in the shards');
    const tag = await cli(
      ['aggregate', ...shardFiles, '--out', 'refused', '--release-tag', 'v9.9.9'],
      dir,
    );
    expect(tag.status).toBe(3);
    expect(tag.stderr).toContain("release_tag: 'v9.9.9' in this job, none in the shards");
    const same = await cli(
      ['aggregate', ...shardFiles, '--out', 'same', '--decision', 'rehearsal'],
      dir,
    );
    expect(same.status, same.stderr).toBe(0);
  });

  it('refuses shards judged on different questions', async () => {
    await cliAsync(
      ['run', '--shard', '3/4', '--out', 'cutover-shard', '--decision', 'cutover', '--json'],
      {
        GITHUB_SHA: 'a'.repeat(40),
      },
    );
    const files = [
      shardFiles[0]!,
      shardFiles[1]!,
      'cutover-shard/decision-record.json',
      shardFiles[3]!,
    ];
    const run = await cli(['aggregate', ...files, '--out', 'refused'], dir);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(
      'cutover-shard/decision-record.json was judged on another question than shards/1/decision-record.json (decision: cutover in cutover-shard/decision-record.json, rehearsal in shards/1/decision-record.json)',
    );
  });

  it('refuses a shard from another commit, another config, or one that fails its schema', async () => {
    const other = await cliAsync(['run', '--shard', '3/4', '--out', 'other-commit', '--json'], {
      GITHUB_SHA: 'b'.repeat(40),
    });
    expect(other.status).toBe(0);
    const commit = await cli(
      [
        'aggregate',
        shardFiles[0]!,
        shardFiles[1]!,
        'other-commit/decision-record.json',
        shardFiles[3]!,
        '--out',
        'refused',
      ],
      dir,
    );
    expect(commit.status).toBe(3);
    expect(commit.stderr).toContain(
      'other-commit/decision-record.json is from commit bbbbbbbbbbbb, shards/1/decision-record.json from aaaaaaaaaaaa',
    );

    const broken = JSON.parse(readFileSync(join(dir, shardFiles[2]!), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...broken, verdict: 'MAYBE' }));
    const schema = await cli(
      [
        'aggregate',
        shardFiles[0]!,
        shardFiles[1]!,
        'broken.json',
        shardFiles[3]!,
        '--out',
        'refused',
      ],
      dir,
    );
    expect(schema.status).toBe(3);
    expect(schema.stderr).toMatch(
      /broken\.json:1:\d+: does not match the decision-record schema: \/verdict must be equal to one of the allowed values/,
    );

    const config = readFileSync(join(dir, '.github/cutover-checkpoint.yml'), 'utf8');
    writeFileSync(join(dir, '.github/cutover-checkpoint.yml'), config + '# edited\n');
    try {
      const digest = await cli(['aggregate', ...shardFiles, '--out', 'refused'], dir);
      expect(digest.status).toBe(3);
      expect(digest.stderr).toContain(
        'shards/1/decision-record.json was produced with a different config',
      );
    } finally {
      writeFileSync(join(dir, '.github/cutover-checkpoint.yml'), config);
    }
  });
});

describe('--durations', () => {
  it('balances shards by the durations of a previous record, and refuses a file that is not one', async () => {
    const previous = join(dir, 'timed.json');
    const record = JSON.parse(readFileSync(join(dir, 'single/decision-record.json'), 'utf8')) as {
      commands: { id: string; duration_ms: number }[];
    };
    // Pretend one command took as long as all the others together: it gets a shard of its own.
    for (const c of record.commands) c.duration_ms = c.id === 'sleep-00' ? 100_000 : 1000;
    writeFileSync(previous, JSON.stringify(record));
    const run = await cli(
      ['run', '--shard', '1/2', '--durations', previous, '--no-commands', '--json'],
      dir,
    );
    expect((JSON.parse(run.stdout) as { shard: { commands: string[] } }).shard.commands).toEqual([
      'sleep-00',
    ]);
    const bad = await cli(['run', '--shard', '1/2', '--durations', join(dir, 'README.md')], dir);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain('README.md: it is not JSON');
  });
});

describe('verify-record', () => {
  it('names the input that changed by one byte since the verdict', async () => {
    const record = join(dir, 'single/decision-record.json');
    // Not a git checkout: never verifiable (trust-boundary.test.ts covers the verifiable case).
    const before = await cli(['verify-record', record], dir);
    expect(before.status).toBe(1);
    expect(before.stdout).toContain('not verifiable: cannot ask git');
    writeFileSync(join(dir, 'README.md'), '# svc\nrollback: redeploy v2\n');
    try {
      const run = await cli(['verify-record', record], dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(
        /^changed\s+readme: README\.md \(sha256 [0-9a-f]{12} → [0-9a-f]{12}\)$/m,
      );
      expect(run.stdout).toContain('1 input(s) changed since the verdict');
    } finally {
      writeFileSync(join(dir, 'README.md'), '# svc\nrollback: redeploy v1\n');
    }
  });

  it('also notices a changed script that a command runs', async () => {
    const scripted = workspace({
      '.github/cutover-checkpoint.yml':
        'version: 1\ngate: {name: scripted}\ncommands:\n  - {id: check, run: ./check.sh}\n',
      'check.sh': '#!/bin/sh\ntest -d .\n',
    });
    try {
      chmodSync(join(scripted, 'check.sh'), 0o755);
      expect((await cli(['run'], scripted)).status).toBe(0);
      writeFileSync(join(scripted, 'check.sh'), '#!/bin/sh\ntrue\n');
      const run = await cli(
        ['verify-record', join(scripted, 'checkpoint-evidence/decision-record.json')],
        scripted,
      );
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/^changed\s+command\.check: check\.sh/m);
    } finally {
      rmSync(scripted, { recursive: true, force: true });
    }
  });
});
