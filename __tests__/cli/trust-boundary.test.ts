// The issue-8 attacks through the built CLI, in one real git repository whose gate lives in a
// subdirectory (as with `working-directory`). Each must end NO-GO, not verifiable (1) or exit 3,
// naming the file and the protected check; none may give GO.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli as runCli, workspace } from './cli-helpers.js';
import { headSha } from '../support/git-head.js';
import { execFileSync } from '../support/shell-sync.js';

const CONFIG = `version: 1
gate: {name: trust}
baseline:
  release_tag: v1.0.0
artifacts:
  - {id: api, path: api.json, schema: schemas/api.schema.json}
documents:
  - {id: readme, path: README.md, contains: [rollback]}
  - {id: runbook, path: RUNBOOK.md, contains: [T0 signed]}
commands:
  - {id: check, run: ./scripts/check.sh, reports_tests: true}
checks:
  document.runbook: {blocks: [cutover]}
`;
const SCHEMA =
  '{"type":"object","required":["name"],"properties":{"name":{"$ref":"./common.json"}}}';
const COMMON = '{"type":"string","minLength":3}';
const CHECK =
  '#!/usr/bin/env bash\nset -eu\ntest -z "${FAIL_CHECK:-}"\nnode scripts/lib/count.mjs\n';
const COUNT = "console.log('2 passed, 0 failed');\n";

let repo: string;
let svc: string;
/** The CLI with GITHUB_SHA set to the checkout's HEAD, as on a runner (the host's is not ours). */
const cli = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  runCli(args, cwd, {
    GITHUB_SHA: headSha(cwd),
    ...env,
  });
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const record = (path: string) =>
  JSON.parse(readFileSync(join(svc, path), 'utf8')) as Record<string, unknown> & {
    checks: { id: string; status: string }[];
    decisions: Record<string, { state: string }>;
  };
const edited = (from: string, to: string, edit: (r: ReturnType<typeof record>) => void) => {
  const r = record(from);
  edit(r);
  writeFileSync(join(svc, to), JSON.stringify(r));
  return to;
};

beforeAll(() => {
  repo = workspace({
    '.gitignore': 'out*/\n',
    '.github/workflows/release.yml': 'on: push\n',
    'svc/.github/cutover-checkpoint.yml': CONFIG,
    'svc/api.json': '{"name":"billing"}\n',
    'svc/schemas/api.schema.json': SCHEMA,
    'svc/schemas/common.json': COMMON,
    'svc/README.md': '# svc\nrollback: redeploy v0\n',
    'svc/RUNBOOK.md': '# runbook\nT0 pending\n',
    'svc/scripts/check.sh': CHECK,
    'svc/scripts/lib/count.mjs': COUNT,
  });
  svc = join(repo, 'svc');
  chmodSync(join(svc, 'scripts/check.sh'), 0o755);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'base');
  git('tag', 'v1.0.0');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('records cannot lie (verify-record, validate, aggregate)', () => {
  let full: string;
  beforeAll(async () => {
    const run = await cli(['run', '--out', 'out-full'], svc);
    expect(run.status, run.stderr).toBe(0);
    full = 'out-full/decision-record.json';
  });

  it('an honest full record verifies; its cutover is re-derived NO-GO from the checks', async () => {
    expect(record(full).scope).toBe('full');
    const run = await cli(['verify-record', full, '--decision', 'cutover'], svc);
    expect(run.stdout).toContain(
      'the cutover decision is NO-GO (blocked by document.runbook, joint-decision.cutover)',
    );
    expect(run.status).toBe(1);
  });

  it('never reads verdict or decisions from the file: edited to GO, it is re-derived NO-GO', async () => {
    const go = edited(full, 'out-full/go.json', (r) => {
      r.verdict = 'GO';
      r.decisions.cutover!.state = 'GO';
    });
    const run = await cli(['verify-record', go, '--decision', 'cutover'], svc);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('blocked by document.runbook');
  });

  it('a record that no longer matches its schema (decisions emptied) is refused with the place, as aggregate refuses it', async () => {
    const empty = edited(full, 'out-full/empty.json', (r) => (r.decisions = {}));
    const run = await cli(['verify-record', empty, '--decision', 'cutover'], svc);
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'out-full/empty.json is not a decision record (expected the decision-record.json the gate writes)',
    );
    expect(run.stderr).toMatch(/does not match the decision-record schema: .*rehearsal/);
  });

  it('re-applies waiver expiry at replay time and never accepts a waived protected check', async () => {
    const file = edited(full, 'out-full/waived.json', (r) => {
      const runbook = r.checks.find((c) => c.id === 'document.runbook')!;
      Object.assign(runbook, {
        status: 'waived',
        waiver: { reason: 'later', owner: 'm', expires: '2020-01-01', expired: false },
      });
      r.checks.push({ ...r.checks[0]!, id: 'gate.integrity', status: 'waived' } as never);
    });
    const run = await cli(['verify-record', file, '--decision', 'cutover'], svc);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'document.runbook counts as failing: its waiver expired on 2020-01-01',
    );
    expect(run.stdout).toContain(
      'gate.integrity counts as failing: a protected check cannot be waived',
    );
  });

  it('judges the evidence again: a deleted check or a command status edited to pass is caught', async () => {
    const deleted = edited(full, 'out-full/deleted.json', (r) => {
      r.checks = r.checks.filter((c) => c.id !== 'document.runbook');
    });
    const run = await cli(['verify-record', deleted, '--decision', 'cutover'], svc);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('the record lacks the check document.runbook');

    const red = await cli(['run', '--out', 'out-redrun'], svc, { FAIL_CHECK: '1' });
    expect(red.status).toBe(1);
    const forged = edited('out-redrun/decision-record.json', 'out-redrun/forged.json', (r) => {
      for (const check of r.checks) if (check.status === 'fail') check.status = 'pass';
    });
    const verify = await cli(['verify-record', forged, '--decision', 'rehearsal'], svc);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toContain(
      'the record says command.check is pass, but the same evidence gives fail',
    );
  });

  it('validate never writes a GO record, and a validate or shard record is not verifiable', async () => {
    const validate = await cli(['validate', '--out', 'out-validate', '--json'], svc);
    expect(validate.status).toBe(2);
    const v = JSON.parse(validate.stdout) as { scope: string; verdict: string };
    expect([v.scope, v.verdict]).toEqual(['validate', 'CONDITIONAL']);
    const shard = await cli(['run', '--shard', '1/1', '--out', 'out-shard'], svc);
    expect(shard.status).toBe(0);
    // Naming shards it was aggregated from does not make a validate record a full run.
    const claimed = edited(
      'out-validate/decision-record.json',
      'out-validate/claims-aggregate.json',
      (r) => Object.assign(r, { aggregated_from: ['out-shard/decision-record.json'] }),
    );
    for (const [file, scope] of [
      ['out-validate/decision-record.json', 'validate'],
      ['out-shard/decision-record.json', 'shard'],
      [claimed, 'validate'],
    ]) {
      const run = await cli(['verify-record', file!, '--decision', 'rehearsal'], svc);
      expect(run.status, file).toBe(1);
      expect(run.stdout).toContain(`the record's scope is '${scope}'`);
    }
  });

  it('notices a schema reached only through $ref, and a modified tracked file', async () => {
    writeFileSync(join(svc, 'schemas/common.json'), '{"type":"string"}');
    try {
      const run = await cli(['verify-record', full, '--decision', 'rehearsal'], svc);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/^changed\s+input: schemas\/common\.json/m);
      expect(run.stdout).toContain(
        'tracked files are modified in the checkout: svc/schemas/common.json',
      );
    } finally {
      writeFileSync(join(svc, 'schemas/common.json'), COMMON);
    }
  });

  it('an input it cannot read now is not verifiable, whatever the record says of it', async () => {
    const readme = join(svc, 'README.md');
    const text = readFileSync(readme, 'utf8');
    rmSync(readme);
    mkdirSync(readme);
    try {
      const run = await cli(['verify-record', full, '--decision', 'rehearsal'], svc);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        'not verifiable: cannot read README.md: it is a directory, not a regular file',
      );
    } finally {
      rmSync(readme, { recursive: true });
      writeFileSync(readme, text);
    }
  });

  it('aggregate recomputes command checks from raw results: an edited status does not pass', async () => {
    const shard = await cli(['run', '--shard', '1/1', '--out', 'out-red'], svc, {
      FAIL_CHECK: '1',
    });
    expect(shard.status).toBe(1);
    const forged = edited('out-red/decision-record.json', 'out-red/forged.json', (r) => {
      for (const check of r.checks) if (check.status === 'fail') check.status = 'pass';
    });
    const run = await cli(['aggregate', forged, '--out', 'out-agg', '--json'], svc);
    expect(run.status, run.stderr).toBe(1);
    const merged = JSON.parse(run.stdout) as { checks: { id: string; status: string }[] };
    expect(merged.checks.find((c) => c.id === 'command.check')?.status).toBe('fail');
  });
});

describe('the tag is always checked', () => {
  it('with no commit_sha in the lock, a deleted tag is NO-GO and verify-record refuses', async () => {
    git('tag', '-d', 'v1.0.0');
    try {
      const run = await cli(['run', '--out', 'out-notag', '--no-commands', '--json'], svc);
      const r = JSON.parse(run.stdout) as { checks: { id: string; status: string }[] };
      expect(run.status).toBe(1);
      expect(r.checks.find((c) => c.id === 'git.release-tag')?.status).toBe('fail');
      const verify = await cli(['verify-record', 'out-full/decision-record.json'], svc);
      expect(verify.status).toBe(1);
      expect(verify.stdout).toContain('release tag v1.0.0 resolves to nothing (absent)');
    } finally {
      git('tag', 'v1.0.0', 'main');
    }
  });
});

describe('policy from the trusted ref (--trusted-ref, gate in a subdirectory)', () => {
  beforeAll(() => {
    git('checkout', '-q', '-b', 'attack');
  });
  afterAll(() => {
    git('checkout', '-q', '-f', 'main');
  });

  it('a change that waives a protected check in its own config is exit 3 naming file:line', async () => {
    writeFileSync(
      join(svc, '.github/cutover-checkpoint.yml'),
      `${CONFIG}waivers:\n  - {check: gate.integrity, reason: mine, owner: m, expires: 2099-01-01}\n`,
    );
    const run = await cli(['run', '--trusted-ref', 'main', '--decision', 'cutover'], svc);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(
      ".github/cutover-checkpoint.yml:15:13: a waiver names the protected check 'gate.integrity'",
    );
    writeFileSync(join(svc, '.github/cutover-checkpoint.yml'), CONFIG);
  });

  it('rewritten script helper, emptied $ref schema, waiver and workflow edit: judged under main, cutover NO-GO naming each file', async () => {
    writeFileSync(join(svc, 'scripts/lib/count.mjs'), "console.log('99 passed, 0 failed');\n");
    writeFileSync(join(svc, 'schemas/common.json'), '{}');
    writeFileSync(join(svc, 'api.json'), '{"name":"b"}\n');
    writeFileSync(
      join(svc, '.github/cutover-checkpoint.yml'),
      `${CONFIG}waivers:\n  - {check: 'artifact.*', reason: mine, owner: m, expires: 2099-01-01}\n`,
    );
    writeFileSync(join(repo, '.github/workflows/release.yml'), 'on: [push, pull_request]\n');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qam', 'attack');
    const run = await cli(
      ['run', '--trusted-ref', 'main', '--decision', 'cutover', '--out', 'out-pr', '--json'],
      svc,
    );
    expect(run.status, run.stderr).toBe(1);
    const r = JSON.parse(run.stdout) as {
      decisions: Record<string, { state: string }>;
      checks: { id: string; status: string; details: string[] }[];
    };
    const integrity = r.checks.find((c) => c.id === 'gate.integrity')!;
    expect(integrity.status).toBe('fail');
    expect(integrity.details).toEqual(
      expect.arrayContaining([
        ".github/cutover-checkpoint.yml: policy section(s) 'waivers' changed",
        ':/.github/workflows/release.yml: changed (a workflow (it can change the gate inputs))',
        'schemas/common.json: changed (a user schema)',
        'scripts/lib/count.mjs: changed (in scripts/, the directory tree of a script a command runs)',
      ]),
    );
    // The schema and waivers of main judge the head's artifact: the emptied schema does not help.
    expect(r.checks.find((c) => c.id === 'artifact.api')?.status).toBe('fail');
    expect(r.decisions.cutover!.state).toBe('NO-GO');
  });

  it('a shallow clone without the trusted ref is an error naming fetch-depth: 0, never a fallback', async () => {
    const base = git('rev-parse', 'main').trim();
    const shallow = join(repo, 'out-shallow');
    execFileSync('git', [
      'clone',
      '-q',
      '--depth',
      '1',
      '--branch',
      'attack',
      `file://${repo}`,
      shallow,
    ]);
    const run = await cli(
      ['run', '--trusted-ref', base, '--decision', 'cutover', '--no-commands', '--json'],
      join(shallow, 'svc'),
    );
    expect(run.status).toBe(1);
    const r = JSON.parse(run.stdout) as {
      checks: { id: string; status: string; summary: string }[];
    };
    const integrity = r.checks.find((c) => c.id === 'gate.integrity')!;
    expect(integrity.status).toBe('error');
    expect(integrity.summary).toContain('fetch-depth: 0');
  });
});
