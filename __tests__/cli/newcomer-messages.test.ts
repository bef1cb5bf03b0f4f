// Messages a newcomer meets when things break the usual ways, through the built CLI. Few spawns:
// one run exercises several commands at once.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintProblems } from '../render/markdown-checks.js';
import { cli, ROOT, workspace } from './cli-helpers.js';
import { commitAll, tagLightweight, TEST_IDENTITY } from '../support/git-commit.js';
import { headSha } from '../support/git-head.js';
import { execFileSync } from '../support/shell-sync.js';

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=a@b', '-c', 'user.name=a', ...args], {
    cwd: dir,
    stdio: 'pipe',
  });
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('failing commands are explained', () => {
  it('CRLF shebang, exit 254, the failing assertion and the log path', async () => {
    const dir = workspace({
      'scripts/check.sh': '#!/usr/bin/env bash\r\necho hi\r\n',
      'test/a.test.mjs':
        "import test from 'node:test';\nimport assert from 'node:assert';\ntest('adds', () => { assert.strictEqual(12, 13); });\n",
      '.github/cutover-checkpoint.yml': [
        'version: 1',
        'gate: { name: billing-api-cutover }',
        'commands:',
        '  - { id: crlf, run: ./scripts/check.sh }',
        `  - { id: odd-exit, run: "node -e 'process.exit(254)'" }`,
        '  - { id: unit, run: node --test test/ }',
        '',
      ].join('\n'),
    });
    dirs.push(dir);
    chmodSync(join(dir, 'scripts/check.sh'), 0o755);
    commitAll(dir, { message: 'init', identity: TEST_IDENTITY });
    const run = await cli(['run'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('the script has Windows line endings (\\r after the shebang)');
    expect(run.stdout).toMatch(/exited 254 after/);
    expect(run.stdout).not.toContain('signal 126');
    expect(run.stdout).toContain('12 !== 13');
    expect(run.stdout).toContain(
      `full output: ${join(dir, 'checkpoint-evidence', 'logs', 'unit.log')}`,
    );
    const report = readFileSync(join(dir, 'checkpoint-evidence', 'report.md'), 'utf8');
    expect(report).toContain('12 !== 13');
  });
});

describe('init', () => {
  it('writes a schema line editors follow and a joint-decision block; its report lints clean', async () => {
    const dir = workspace({
      'README.md': '# svc\n',
      'package.json': '{"scripts":{"test":"node --test"}}\n',
      'test/a.test.mjs': "import test from 'node:test';\ntest('x', () => {});\n",
    });
    dirs.push(dir);
    commitAll(dir, { message: 'init', identity: TEST_IDENTITY });
    tagLightweight(dir, 'v0.1.0');
    expect((await cli(['init'], dir)).status).toBe(0);
    const config = readFileSync(join(dir, '.github/cutover-checkpoint.yml'), 'utf8');
    const version = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    ).version;
    // The raw URL of this repository's schema at the released tag (a file that exists here).
    expect(config.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=https://raw.githubusercontent.com/cutover-checkpoint/cutover-checkpoint/v${version}/schemas/checkpoint-config.schema.json`,
    );
    expect(readFileSync(join(ROOT, 'schemas/checkpoint-config.schema.json'), 'utf8')).toContain(
      '"$schema"',
    );
    expect(config).toMatch(/^joint_decision:\n {2}path: docs\/JOINT_DECISION_RECORD.json$/m);
    const run = await cli(['run'], dir);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain(
      'joint decision record not found at docs/JOINT_DECISION_RECORD.json',
    );
    const report = readFileSync(join(dir, 'checkpoint-evidence', 'report.md'), 'utf8');
    expect(lintProblems('init report', report)).toEqual([]);
    expect(report).not.toMatch(/^2\. .*\n2\. /m);
  });
});

describe('typos', () => {
  it('a misspelt option and a misspelt built-in schema name a suggestion and run nothing', async () => {
    const dir = workspace({
      'README.md': '# svc\n',
      '.github/cutover-checkpoint.yml': [
        'version: 1',
        'gate: { name: typo }',
        'artifacts:',
        '  - { id: m, path: README.md, schema: "builtin:producer-manfest" }',
        'commands:',
        '  - { id: marker, run: "touch ran.txt" }',
        '',
      ].join('\n'),
    });
    dirs.push(dir);
    const option = await cli(['run', '--decison', 'cutover'], dir);
    expect(option.status).toBe(3);
    expect(option.stderr).toContain("unknown option '--decison'; did you mean --decision?");
    const schema = await cli(['run'], dir);
    expect(schema.status).toBe(3);
    expect(schema.stderr + schema.stdout).toContain(
      "unknown built-in schema 'builtin:producer-manfest'; did you mean 'builtin:producer-manifest'?",
    );
    expect(existsSync(join(dir, 'ran.txt'))).toBe(false);
  });
});

describe('signing mistakes', () => {
  it('a bare "GO" and a bad signed_at each get one line naming the expected shape', async () => {
    const signature = (signedAt: string) =>
      `{ "decision": "GO", "signed_by": "consumer-login", "signed_at": "${signedAt}" }`;
    const dir = workspace({
      'README.md': '# svc\n',
      '.github/cutover-checkpoint.yml': [
        'version: 1',
        'gate: { name: signing }',
        'documents: [{ id: readme, path: README.md }]',
        'joint_decision:',
        '  path: docs/JOINT_DECISION_RECORD.json',
        '  roles: [producer, consumer]',
        '  signers: { producer: [producer-login], consumer: [consumer-login] }',
        '',
      ].join('\n'),
      'docs/JOINT_DECISION_RECORD.json': `{
  "decisions": {
    "rehearsal": { "producer": "GO", "consumer": ${signature('yesterday')} },
    "cutover": { "producer": null, "consumer": null }
  },
  "baseline": {},
  "residual_risks": [],
  "rollback": { "target": "v0", "trigger_owner": "on-call" }
}
`,
    });
    dirs.push(dir);
    const run = await cli(['validate'], dir);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l.includes('/decisions/rehearsal/'));
    // Printed once per decision the record blocks; each problem is a single line.
    expect(new Set(lines.map((l) => l.trim()))).toEqual(
      new Set([
        'docs/JOINT_DECISION_RECORD.json:3:32: /decisions/rehearsal/producer must be null or {decision, signed_by, signed_at} (found "GO")',
        'docs/JOINT_DECISION_RECORD.json:3:114: /decisions/rehearsal/consumer/signed_at must be a date-time like 2026-02-08T10:05:00Z (RFC 3339, with a zone) (found "yesterday")',
      ]),
    );
    expect(run.stdout).not.toContain('oneOf');
  });
});

describe('a mistyped release tag', () => {
  it('names the tag at the locked commit and never advises creating and pushing one', async () => {
    const dir = workspace({ 'README.md': '# svc\n' });
    dirs.push(dir);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'release');
    git(dir, 'tag', '-a', 'v1.4.0', '-m', 'v1.4.0');
    git(dir, 'tag', 'v0.9.0');
    const sha = headSha(dir);
    mkdirSync(join(dir, '.github'));
    writeFileSync(
      join(dir, '.github/cutover-checkpoint.yml'),
      `version: 1\ngate: { name: t }\nbaseline: { release_tag: v1.4.1, commit_sha: ${sha} }\ndocuments: [{ id: r, path: README.md }]\n`,
    );
    const run = await cli(['validate'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`did you mean v1.4.0? It resolves to the locked commit ${sha}`);
    expect(run.stdout).not.toMatch(/git push|git tag v1\.4\.1/);
  });
});

describe('where the gate is run from', () => {
  it('from a subdirectory it finds the config at the repository root; a case-renamed document gets a suggestion', async () => {
    const dir = workspace({
      'docs/Rollback.md': '# Rollback\n',
      'docs/notes/.keep': '',
      '.github/cutover-checkpoint.yml': [
        'version: 1',
        'gate: { name: billing-api-cutover }',
        'documents:',
        '  - { id: rollback, path: docs/ROLLBACK.md }',
        '',
      ].join('\n'),
    });
    dirs.push(dir);
    git(dir, 'init', '-q');
    const run = await cli(['validate'], join(dir, 'docs', 'notes'));
    expect(run.stderr).not.toMatch(/config not found|does not exist: \.github/);
    expect(run.stderr).toContain(`using ${join(dir, '.github/cutover-checkpoint.yml')}`);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /docs\/ROLLBACK\.md does not exist \(did you mean docs\/Rollback\.md\? file names are case-sensitive\)/,
    );
    expect(existsSync(join(dir, 'checkpoint-evidence', 'report.md'))).toBe(true);
  });

  it('never climbs past the repository root', async () => {
    const outer = workspace({
      '.github/cutover-checkpoint.yml': 'version: 1\ngate: { name: outer }\n',
    });
    dirs.push(outer);
    mkdirSync(join(outer, 'inner', 'sub'), { recursive: true });
    git(join(outer, 'inner'), 'init', '-q');
    const run = await cli(['validate'], join(outer, 'inner', 'sub'));
    expect(run.status).toBe(3);
    expect(run.stderr).not.toContain('using ');
  });

  it('a --cwd that does not exist is "could not run" (exit 3) naming it, not a crash', async () => {
    const missing = join(workspace({}), 'no-such-dir');
    const run = await cli(['validate', '--cwd', missing], ROOT);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(
      `config not found at .github/cutover-checkpoint.yml (in ${missing})`,
    );
  });
});
