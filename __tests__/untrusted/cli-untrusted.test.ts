// Smoke runs through the built CLI (dist/cli.js) for the runner items: the crash list ends as exit
// 3 or a handled check; a leftover process is killed and reported; secrets stay out of the logs;
// under GitHub Actions the CLI's echoed output issues no workflow command.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type CliRun, ROOT, STACK_TRACE, workspace } from '../cli/cli-helpers.js';
import { readAsRunner } from '../support/workflow-commands.js';
import { survivors } from '../support/command-lines.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const track = (dir: string) => (dirs.push(dir), dir);

/** A copy of the first example, its config edited by `edit`. */
function example(edit: (config: string) => string = (c) => c): string {
  const dir = track(join(mkdtempSync(join(tmpdir(), 'cc-untrusted-cli-')), 'repo'));
  cpSync(join(ROOT, 'examples', 'service-v3-cutover'), dir, { recursive: true });
  const path = join(dir, '.github', 'cutover-checkpoint.yml');
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

const expectNoCrash = (run: { stderr: string; stdout: string }) => {
  expect(run.stderr).not.toMatch(/internal fault|Invalid regular expression|Invalid array length/);
  expect(run.stderr).not.toMatch(STACK_TRACE);
};

describe('the crash list through the CLI', () => {
  const repo = example((c) =>
    c.replace(
      'modes: [stable, service-v3-candidate]',
      'modes: [stable, constructor, __proto__, toString]',
    ),
  );

  it.each([
    ['a tag that is not a regular expression', ['--release-tag', 'v0.3.2['], 1],
    ['a 60 KB tag', ['--release-tag', 'v'.repeat(60_000)], 3],
    ['--shard 1/4294967296', ['--shard', '1/4294967296'], 3],
    ['--shard 1/30000000', ['--shard', '1/30000000'], 3],
    ['modes named constructor, __proto__ and toString', [], 1],
  ])('%s', async (_name, args, status) => {
    const run = await cli(['validate', ...args], repo);
    expectNoCrash(run);
    expect(run.status, run.stderr).toBe(status);
  });

  it('names each unknown mode as missing, not as Object.prototype', async () => {
    const run = await cli(['validate', '--json'], repo);
    const record = JSON.parse(run.stdout) as { checks: { id: string; summary: string }[] };
    for (const mode of ['constructor', '__proto__', 'toString'])
      expect(record.checks.find((c) => c.id === `handoff.${mode}.fields`)?.summary).toMatch(
        /missing from the manifest/,
      );
  });

  it('timeout: 600h is a config error naming the file and line', async () => {
    const run = await cli(
      ['run'],
      example((c) => c.replace('timeout: 5m', 'timeout: 600h')),
    );
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/cutover-checkpoint\.yml:\d+:\d+: duration "600h" is longer than/);
  });

  it('YAML anchors cannot carry nesting past max_depth, in an artifact or in the config', async () => {
    const deep = 'a: &a [[[[[1]]]]]\nb: {c: {d: [*a]}}\n';
    const repo = workspace({
      '.github/cutover-checkpoint.yml':
        'version: 1\ngate: { name: anchors }\nlimits: { max_depth: 6 }\nartifacts:\n  - { id: deep, path: deep.yml }\n',
      'deep.yml': deep,
    });
    track(repo);
    const run = await cli(['validate', '--json'], repo);
    expectNoCrash(run);
    expect(run.status).toBe(1);
    const record = JSON.parse(run.stdout) as {
      checks: { id: string; status: string; details: string[]; summary: string }[];
    };
    const check = record.checks.find((c) => c.id === 'artifact.deep')!;
    expect(check.status).toBe('fail');
    expect(JSON.stringify(check)).toMatch(/nesting deeper than 6 levels \(through the alias \*a\)/);
    const config = workspace({
      '.github/cutover-checkpoint.yml': `version: 1\ngate: { name: anchors }\nx: &x ${'['.repeat(20)}1${']'.repeat(20)}\ny: ${'['.repeat(20)}*x${']'.repeat(20)}\n`,
    });
    track(config);
    const refused = await cli(['validate'], config);
    expectNoCrash(refused);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(
      /cutover-checkpoint\.yml:\d+:\d+: nesting deeper than 32 levels/,
    );
  });
});

describe('a run with hostile commands', () => {
  const dir = track(
    workspace({
      '.github/cutover-checkpoint.yml': [
        'version: 1',
        'gate: { name: hostile }',
        'command_defaults: { secret_env: [WEAK_SECRET], concurrency: 1 }',
        'commands:',
        '  - id: escape',
        `    run: ${JSON.stringify('setsid -f sleep 300.81; echo "pass: 1 passed, 0 failed"')}`,
        '  - id: pem',
        `    run: ${JSON.stringify(`for l in '-----BEGIN EC PRIVATE KEY-----' MHcCAQEEIBkg4LVWM9nuwNSk 'AoGCCqGSM49AwEHoUQDQgAE' '-----END EC PRIVATE KEY-----' done; do echo "$l"; sleep 0.05; done`)}`,
        '  - id: hostile',
        `    run: ${JSON.stringify('echo "::set-output name=verdict::GO"; echo "::error file=x::forged"')}`,
      ].join('\n'),
    }),
  );
  let run: CliRun;
  let record: {
    verdict: string;
    checks: { id: string; status: string; summary: string }[];
    commands: { id: string; leftover_processes?: { command: string }[] }[];
  };
  beforeAll(async () => {
    run = await cli(['run', '--json'], dir, { GITHUB_ACTIONS: 'true', WEAK_SECRET: 'pass' });
    record = JSON.parse(run.stdout) as typeof record;
  });

  it('kills and reports the process that escaped with setsid', () => {
    expect(survivors('300.81')).toEqual([]);
    const check = record.checks.find((c) => c.id === 'command.escape')!;
    expect(check.status).toBe('warn');
    expect(check.summary).toMatch(/left 1 process\(es\) running .*sleep 300\.81/);
    expect(record.commands.find((c) => c.id === 'escape')?.leftover_processes).toHaveLength(1);
  });

  it('keeps a key printed line by line out of the log file and the record', () => {
    const logs = readdirSync(join(dir, 'checkpoint-evidence', 'logs'));
    const log = readFileSync(join(dir, 'checkpoint-evidence', 'logs', 'pem.log'), 'utf8');
    expect(logs).toContain('pem.log');
    expect(log + run.stdout + run.stderr).not.toMatch(/MHcCAQEEIBkg4LVWM9nuwNSk|AoGCCqGSM49/);
  });

  it('a secret equal to a common word masks text but leaves the record valid', () => {
    expect(run.status, run.stderr).not.toBe(3);
    expectNoCrash(run);
    expect(record.checks.every((c) => c.status !== '***')).toBe(true);
    expect(run.stderr).toMatch(/shorter than 8 characters/);
  });

  it('under GitHub Actions, echoed command output issues no workflow command', () => {
    const runner = readAsRunner(run.stderr);
    expect(runner.outputs).toEqual({});
    expect(runner.annotations).toEqual([]);
    expect(run.stderr).toContain('::set-output name=verdict::GO');
  });
});

describe('same-set through the CLI', () => {
  it('["1"] is not the same set as [1]; the report shows both members apart', async () => {
    const dir = track(
      workspace({
        'a.json': '{"codes": ["1", "2"]}',
        '.github/cutover-checkpoint.yml': [
          'version: 1',
          'gate: { name: sets }',
          'artifacts: [{ id: a, path: a.json }]',
          'rules:',
          '  - { id: typed, type: same-set, left: "a#/codes", value: [1, "2"] }',
          '  - { id: same, type: same-set, left: "a#/codes", value: ["2", "1"] }',
        ].join('\n'),
      }),
    );
    const run = await cli(['validate', '--json'], dir);
    const record = JSON.parse(run.stdout) as {
      checks: { id: string; status: string; details: string[] }[];
    };
    const typed = record.checks.find((c) => c.id === 'rule.typed')!;
    expect(typed.status).toBe('fail');
    expect(typed.details.join('\n')).toMatch(/"1"/);
    expect(record.checks.find((c) => c.id === 'rule.same')?.status).toBe('pass');
  });
});

describe('rehearsal safety through the CLI', () => {
  it('refuses a script whose body mutates, and a command hiding a deploy behind global options', async () => {
    const dir = track(
      workspace({
        'scripts/deploy.sh': '#!/bin/sh\ntouch ran-deploy\nkubectl -n prod apply -f k8s/\n',
        '.github/cutover-checkpoint.yml': [
          'version: 1',
          'gate: { name: safety }',
          'commands:',
          '  - { id: deploy, run: "sh ./scripts/deploy.sh" }',
          '  - { id: helm, run: "touch ran-helm; helm -n prod upgrade api ./chart" }',
          '  - { id: tests, run: "echo 1 passed, 0 failed" }',
        ].join('\n'),
      }),
    );
    const run = await cli(['run', '--json'], dir);
    const record = JSON.parse(run.stdout) as {
      commands: { id: string; state: string; reason?: string }[];
    };
    const byId = Object.fromEntries(record.commands.map((c) => [c.id, c]));
    expect(byId.deploy).toMatchObject({ state: 'refused' });
    expect(byId.deploy!.reason).toMatch(/scripts\/deploy\.sh, which runs `kubectl apply`/);
    expect(byId.helm).toMatchObject({ state: 'refused' });
    expect(byId.tests).toMatchObject({ state: 'ran' });
    expect(readdirSync(dir)).not.toContain('ran-deploy');
    expect(readdirSync(dir)).not.toContain('ran-helm');
  });
});
