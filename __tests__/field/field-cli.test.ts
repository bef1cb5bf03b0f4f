// Evidence written the way real repositories write it, judged through the built CLI (dist/cli.js):
// Markdown, shallow and partial clones, exact numbers, YAML merge keys, schema drafts, tool probes,
// runners' closing lines, a finding without a line. Few processes, many fixtures each
// (__tests__/field/fixtures/); the logic behind each is tested in-process next to this file.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, STACK_TRACE, type CliRun } from '../cli/cli-helpers.js';
import { execFileSync } from '../support/shell-sync.js';

const FIXTURES = join(ROOT, '__tests__', 'field', 'fixtures');
const temp = mkdtempSync(join(tmpdir(), 'cc-field-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Check {
  id: string;
  status: string;
  summary: string;
  findings: { message: string; location?: { file: string; line?: number } }[];
}

/** Copies a fixture to a temp dir (the CLI writes its evidence there). */
function copyFixture(name: string, as = name): string {
  const dir = join(temp, as);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

type Run = Awaited<ReturnType<typeof run>>;

async function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result: CliRun = await cli([...args, '--out', 'out'], cwd, env);
  expect(result.stdout + result.stderr).not.toMatch(STACK_TRACE);
  const recordPath = join(cwd, 'out', 'decision-record.json');
  const record = existsSync(recordPath)
    ? (JSON.parse(readFileSync(recordPath, 'utf8')) as { verdict: string; checks: Check[] })
    : undefined;
  const check = (id: string): Check => {
    const found = record?.checks.find((c) => c.id === id);
    if (!found) throw new Error(`no check ${id} in the record`);
    return found;
  };
  const report = record ? readFileSync(join(cwd, 'out', 'report.md'), 'utf8') : '';
  return { ...result, record, check, report };
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    env: { ...process.env, ...OLD },
  });
const OLD = { GIT_AUTHOR_DATE: '2023-01-10T12:00:00Z', GIT_COMMITTER_DATE: '2023-01-10T12:00:00Z' };

describe('shallow and partial clones: a history fact that cannot be known is pending, never pass', () => {
  // The document was last changed on 2023-01-10; two newer commits touch another file.
  const origin = copyFixture('history', 'history-origin');
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'add', 'docs', '.github');
  git(origin, 'commit', '-qm', 'rollback protocol');
  for (const n of [1, 2]) {
    execFileSync('sh', ['-c', `echo ${n} >> NOTES.md`], { cwd: origin });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '.'], {
      cwd: origin,
    });
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', `notes ${n}`],
      {
        cwd: origin,
      },
    );
  }
  execFileSync('git', ['config', 'uploadpack.allowFilter', 'true'], { cwd: origin });
  const clone = (name: string, ...flags: string[]) => {
    const dir = join(temp, name);
    execFileSync('git', ['clone', '-q', ...flags, `file://${origin}`, dir]);
    return dir;
  };

  it('a full clone shows the age: NO-GO', async () => {
    const full = await run(['validate'], clone('full'));
    expect(full.status).toBe(1);
    expect(full.check('document.rollback-protocol').status).toBe('fail');
    expect(full.check('document.rollback-protocol').summary).toContain('(2023-01-10)');
  });

  it.each([
    ['--depth 1 (actions/checkout default)', 'depth-1', ['--depth', '1']],
    ['--depth 2', 'depth-2', ['--depth', '2']],
    ['--filter=blob:none (partial)', 'partial', ['--filter=blob:none']],
  ])('%s: pending with the fix, CONDITIONAL, never GO', async (_, name, flags) => {
    const result = await run(['validate'], clone(name, ...flags));
    expect(result.status).toBe(2);
    expect(result.record?.verdict).toBe('CONDITIONAL');
    const check = result.check('document.rollback-protocol');
    expect(check.status).toBe('pending');
    expect(check.summary).toContain('fetch-depth: 0');
  });
});

describe('Markdown read through a CommonMark + GFM tree', () => {
  const dir = copyFixture('markdown');
  let result: Run;
  beforeAll(async () => {
    result = await run(['validate', '--release-tag', 'v0.8.0'], dir);
  });

  it.each([
    ['quoted-task', 'fail', 'rollback drill done'],
    ['nested-task', 'fail', 'consumer B acknowledged'],
    ['crlf-task', 'fail', '"item"'],
    ['quoted-ordered-task', 'fail', 'restore verified'],
    ['code-and-comments', 'pass', 'every box ticked'],
    ['setext-headings', 'pass', '2 headings'],
    ['heading-in-fence', 'fail', 'does not contain "rollback owner"'],
    ['entity-headings', 'pass', '2 headings'],
  ])('document.%s is %s', (id, status, mention) => {
    const check = result.check(`document.${id}`);
    expect(check.status).toBe(status);
    expect(check.summary).toContain(mention);
  });

  it('points at the unticked box inside the block quote, line 8', () => {
    expect(result.check('document.quoted-task').findings[0]?.location).toMatchObject({
      file: 'docs/quoted-task.md',
      line: 8,
    });
    expect(result.check('document.heading-in-fence').summary).toContain('+1 more');
  });

  it.each([
    ['v1.3.0', 'fail', 'only a placeholder ("<fill in>")', 6],
    ['v1.2.0', 'fail', 'only a placeholder ("TBD")', 15],
    ['v1.1.0', 'fail', 'only a placeholder ("N/A")', 19],
    ['v1.0.0', 'fail', 'is empty', 23],
    ['v0.9.0', 'fail', 'is empty', 30],
    ['v0.8.0', 'pass', 'consumer-impact statement (line 38)', undefined],
    ['v0.7.0', 'pass', 'consumer-impact statement (line 42)', undefined],
  ])('changelog %s: %s', async (tag, status, mention, line) => {
    const check =
      tag === 'v0.8.0'
        ? result.check('changelog')
        : (await run(['validate', '--release-tag', tag], dir)).check('changelog');
    expect(check.status).toBe(status);
    expect(check.summary).toContain(mention);
    if (line) expect(check.findings[0]?.location?.line).toBe(line);
  });
});

describe('artifacts: exact numbers, YAML merge keys, schema drafts, a finding without a line', () => {
  const dir = copyFixture('artifacts');
  let result: Run;
  beforeAll(async () => {
    result = await run(['validate'], dir);
  });

  it.each([
    ['rule.big-integer', 'fail', '12345678901234567891, right#/id is 12345678901234567892'],
    ['rule.huge-exponent', 'fail', 'is 1e400, right#/huge is 2e400'],
    ['rule.long-decimal', 'fail', 'is 0.1000000000000000055511151231257827'],
    ['rule.same-value', 'pass', 'equals'],
    ['rule.big-set', 'fail', 'but not right#/codes: 9007199254740993'],
    [
      'rule.underscored-integer',
      'fail',
      'spelled#/underscored is 9007199254740993, right#/codes/0 is 9007199254740992',
    ],
    [
      'rule.hex-integer',
      'fail',
      'spelled#/hex is 9007199254740993, right#/codes/0 is 9007199254740992',
    ],
    ['rule.same-spelled', 'pass', 'equals'],
    ['rule.config-value', 'fail', 'the configured value is 9007199254740992'],
    ['artifact.over-max', 'fail', 'does not match'],
    ['artifact.big-yaml', 'fail', 'does not match'],
    ['artifact.within-max', 'pass', 'valid'],
    ['rule.merged-key', 'pass', 'equals'],
    ['rule.merged-list', 'pass', 'equals'],
    ['artifact.draft-04', 'pass', 'valid'],
    ['artifact.draft-06', 'pass', 'valid'],
    ['artifact.draft-07', 'pass', 'valid'],
    ['artifact.draft-2019', 'pass', 'valid'],
    ['artifact.empty-yaml', 'fail', 'does not match'],
  ])('%s is %s', (id, status, mention) => {
    const check = result.check(id);
    expect(check.status).toBe(status);
    expect(check.summary).toContain(mention);
  });

  it('a number beyond 2^53 is a finding at its place, never validated on its rounded copy', () => {
    expect(result.check('artifact.over-max').findings[0]).toMatchObject({
      message: expect.stringContaining('/limit is 9007199254740993'),
      location: { file: 'data/over-max.json', line: 1 },
    });
    expect(result.record?.checks.find((c) => c.id === 'rule.big-integer')).toMatchObject({
      expected: '12345678901234567892',
      observed: '12345678901234567891',
    });
  });

  it('the empty YAML file\'s "/ must be object" is shown in the terminal and the report', () => {
    expect(result.stdout).toContain('data/empty.yaml: / must be object');
    expect(result.report).toContain('`data/empty.yaml`: / must be object');
  });

  it('an unknown $schema is a config error naming the supported drafts; nothing runs', async () => {
    const bad = copyFixture('bad-draft');
    const stopped = await run(['run'], bad);
    expect(stopped.status).toBe(3);
    expect(stopped.stderr + stopped.stdout).toMatch(
      /schemas\/draft-03\.json:2:\d+: .*unsupported \$schema/,
    );
    expect(stopped.stderr + stopped.stdout).toContain('draft-04');
    expect(stopped.stderr + stopped.stdout).toContain('2020-12');
    expect(existsSync(join(bad, 'ran.txt'))).toBe(false);
  });
});

describe('tool probes and test runners as real tools print them', () => {
  const dir = copyFixture('runners');
  let result: Run;
  beforeAll(async () => {
    result = await run(['run'], dir, { PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}` });
  });

  it.each([
    ['tool.python3', 'fail', 'is not usable: `python3 --version` exited 1'],
    ['tool.node', 'fail', 'node 20.0.0-rc.1 is older than the required 20.0.0'],
    ['tool.python3.13', 'fail', '3.13.0-rc.1 is older than the required 3.13.0'],
    ['tool.deno', 'pass', 'deno 2.0.0-rc.2 (>= 2.0.0)'],
    ['tool.java', 'pass', 'java 21.0.2 (>= 17.0.0)'],
    ['tool.tofu', 'fail', 'exited 127'],
    ['command.go-all-cached', 'pass', '3 of 3 passing packages cached'],
    ['command.go-mixed', 'pass', '3 passed / 0 failed (go (packages); 2 of 3'],
    ['command.go-no-test-files', 'fail', 'reported no tests'],
    ['command.pytest-deselected', 'pass', '3 passed / 0 failed (pytest)'],
    ['command.pytest-all-deselected', 'fail', 'reported no tests'],
    ['command.pytest-no-tests-ran', 'fail', 'reported no tests'],
    ['command.pytest-xfail', 'pass', '5 passed / 0 failed (pytest)'],
    ['command.pytest-quiet', 'pass', '12 passed / 0 failed (pytest)'],
    ['command.jest-skipped-todo', 'pass', '5 passed / 0 failed (jest)'],
    ['command.vitest-todo', 'pass', '5 passed / 0 failed (vitest)'],
    ['command.cargo-doc-tests', 'pass', '3 passed / 0 failed (cargo)'],
    ['command.cargo-zero', 'fail', 'reported no tests'],
    ['command.bun-todo', 'pass', '5 passed / 0 failed (bun)'],
    ['command.mocha-pending', 'pass', '3 passed / 0 failed (mocha)'],
    ['command.mocha-all-pending', 'fail', 'reported no tests'],
  ])('%s is %s', (id, status, mention) => {
    const check = result.check(id);
    expect(check.status).toBe(status);
    expect(check.summary).toContain(mention);
  });

  it('shows what a broken tool printed', () => {
    expect(result.stdout).toContain("version `3.12.1' is not installed");
  });
});
