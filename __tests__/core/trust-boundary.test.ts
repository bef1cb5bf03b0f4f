// Pure pieces of the trust boundary (SPEC §10), table-driven: protected checks under any policy,
// consumer binding, replayed decisions, and what the commands run.
import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../../src/core/policy.js';
import { judgeConsumerRecord } from '../../src/core/checks/consumer-record.js';
import { compareWithRejudged, rederiveDecisions } from '../../src/core/rederive.js';
import { listCommandPaths } from '../../src/core/commands/command-paths.js';
import type { CheckOutcome, CheckResult } from '../../src/core/model.js';
import type { DecisionRecord } from '../../src/core/record.js';
import type { CommandConfig } from '../../src/core/config/config-types.js';
import { commandConfig } from '../support/command-config.js';
import { readPackageScript } from '../../src/core/commands/package-scripts.js';

const failing = (id: string, only?: ('rehearsal' | 'cutover')[]): CheckOutcome => ({
  id,
  kind: 'gate',
  status: 'fail',
  summary: id,
  ...(only ? { only } : {}),
});
const waiver = (check: string) => ({ check, reason: 'r', owner: 'o', expires: '2099-01-01' });

describe('protected checks under any policy', () => {
  it.each(['gate.integrity', 'gate.evaluated', 'commands.executed', 'git.release-tag'])(
    '%s is not covered by wildcard waivers or policies',
    (id) => {
      const result = applyPolicy(
        failing(id, ['cutover']),
        [
          { pattern: '*', blocks: [], abort: false },
          { pattern: `${id.split('.')[0]}.*`, blocks: [] },
        ],
        [waiver('*'), waiver(`${id.split('.')[0]}.*`)],
        '2026-01-01',
      );
      expect(result.status).toBe('fail');
      expect(result.blocks).toContain('cutover');
    },
  );

  it('joint-decision.* waives the rehearsal sign-off, never the cutover one', () => {
    const args: Parameters<typeof applyPolicy> extends [unknown, ...infer R] ? R : never = [
      [],
      [waiver('joint-decision.*')],
      '2026-01-01',
    ];
    expect(applyPolicy(failing('joint-decision.rehearsal'), ...args).status).toBe('waived');
    expect(applyPolicy(failing('joint-decision.cutover'), ...args).status).toBe('fail');
  });
});

const GOOD = {
  context: { repository: 'acme/consumer', sha: '008dfc8' + 'e'.repeat(33) },
  scope: 'full',
  decisions: { rehearsal: { state: 'GO' }, cutover: { state: 'GO' } },
  checks: [
    {
      id: 'command.t',
      kind: 'command',
      status: 'pass',
      blocks: ['rehearsal', 'cutover'],
      abort: false,
    },
    { id: 'document.d', kind: 'document', status: 'pass', blocks: ['cutover'], abort: false },
  ],
};
const consumer = { repository: 'acme/consumer', ref: '008dfc8', record: 'consumer.json' };
const judgeWith = (edit: (r: typeof GOOD) => void) => {
  const record = structuredClone(GOOD);
  edit(record);
  return judgeConsumerRecord(record as unknown as DecisionRecord, consumer);
};

describe('consumer binding (SPEC §10)', () => {
  it('passes a full GO record of the consumer at the pinned ref', () => {
    expect(judgeWith(() => undefined).status).toBe('pass');
  });
  it.each<[string, (r: typeof GOOD) => void, string]>([
    ['another repository', (r) => (r.context.repository = 'mallory/consumer'), 'not the consumer'],
    ['a one-character sha', (r) => (r.context.sha = '0'), 'not a full sha'],
    ['a sha of another commit', (r) => (r.context.sha = 'f'.repeat(40)), 'not a full sha'],
    ['its own cutover NO-GO', (r) => (r.decisions.cutover.state = 'NO-GO'), 'not GO for cutover'],
    ['a failing non-command check', (r) => (r.checks[1]!.status = 'fail'), 'document.d fail'],
    ['a validate record', (r) => (r.scope = 'validate'), "'validate' record"],
    ['no checks at all', (r) => (r.checks = []), 'no check blocks rehearsal'],
  ])('fails on %s', (_name, edit, mention) => {
    const outcome = judgeWith(edit);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain(mention);
  });
  it('a consumer GO only for the rehearsal fails only the cutover', () => {
    const outcome = judgeWith((r) => (r.checks[1]!.status = 'pending'));
    expect(outcome).toMatchObject({ status: 'fail', only: ['cutover'] });
  });
});

const check = (id: string, status: CheckResult['status'], extra: Partial<CheckResult> = {}) =>
  ({
    id,
    kind: 'rule',
    status,
    blocks: ['rehearsal', 'cutover'],
    abort: false,
    summary: id,
    details: [],
    findings: [],
    ...extra,
  }) as CheckResult;

describe('rederiveDecisions (verify-record)', () => {
  it.each<[string, CheckResult[], string, string]>([
    ['all pass', [check('a', 'pass')], 'GO', 'GO'],
    [
      'an expired waiver no longer covers',
      [
        check('a', 'waived', {
          waiver: { reason: 'r', owner: 'o', expires: '2026-01-01', expired: false },
        }),
      ],
      'NO-GO',
      'NO-GO',
    ],
    [
      'an active waiver still covers',
      [
        check('a', 'waived', {
          waiver: { reason: 'r', owner: 'o', expires: '2026-12-31', expired: false },
        }),
      ],
      'GO',
      'GO',
    ],
    [
      'a waived protected check is a failure',
      [check('a', 'pass'), check('gate.integrity', 'waived', { blocks: [] })],
      'GO',
      'NO-GO',
    ],
    [
      'an unblocked protected check still blocks the cutover',
      [check('a', 'pass'), check('gate.integrity', 'fail', { blocks: [] })],
      'GO',
      'NO-GO',
    ],
    ['no checks fails closed', [], 'NO-GO', 'NO-GO'],
  ])('%s', (_name, checks, rehearsal, cutover) => {
    const { decisions } = rederiveDecisions(checks, '2026-06-01');
    expect([decisions.rehearsal.state, decisions.cutover.state]).toEqual([rehearsal, cutover]);
  });
});

const command = (run: string): CommandConfig => commandConfig('c', run);

describe('listCommandPaths', () => {
  it.each<[string, string, Record<string, string>, { files: string[]; directories: string[] }]>([
    [
      'a script and its tree',
      './scripts/verify.sh',
      {},
      { files: ['scripts/verify.sh'], directories: ['scripts'] },
    ],
    [
      'bash and a directory argument',
      'bash deploy/x.sh && node --test test/',
      {},
      { files: ['deploy/x.sh'], directories: ['deploy', 'test'] },
    ],
    ['a root script protects only itself', './run.sh', {}, { files: ['run.sh'], directories: [] }],
    [
      'npm run: package.json and what its script names',
      'npm run build',
      { 'package.json': '{"scripts":{"build":"node tools/build.mjs"}}' },
      { files: ['package.json', 'tools/build.mjs'], directories: ['tools'] },
    ],
    [
      'a script run after cd (and the same name where the line starts: fail closed)',
      'cd tools && ./check.sh',
      {},
      { files: ['check.sh', 'tools/check.sh'], directories: ['tools'] },
    ],
    [
      'a script named from $PWD',
      'bash "$PWD/tools/check.sh" && ${PWD}/bin/lint.sh',
      {},
      { files: ['bin/lint.sh', 'tools/check.sh'], directories: ['bin', 'tools'] },
    ],
    [
      'cd from $PWD, then a script',
      'cd "$PWD/tools" && sh check.sh',
      {},
      { files: ['check.sh', 'tools/check.sh'], directories: ['tools'] },
    ],
    [
      'a script run after pushd',
      'pushd tools >/dev/null; ./check.sh',
      {},
      { files: ['check.sh', 'tools/check.sh'], directories: ['tools'] },
    ],
    [
      'a script a wrapper runs elsewhere: env -C (after a valued option)',
      'env -u X -C qa ./run.sh',
      {},
      { files: ['qa/run.sh', 'run.sh'], directories: ['qa'] },
    ],
    [
      'a script a wrapper runs elsewhere: sudo --chdir=',
      'sudo --chdir=ops ./go.sh',
      {},
      { files: ['go.sh', 'ops/go.sh'], directories: ['ops'] },
    ],
    [
      'a package script that changes directory',
      'npm test',
      { 'package.json': '{"scripts":{"test":"cd qa && ./run.sh"}}' },
      { files: ['package.json', 'qa/run.sh', 'run.sh'], directories: ['qa'] },
    ],
  ])('%s', (_name, run, texts, expected) => {
    expect(listCommandPaths([command(run)], (path) => texts[path])).toEqual(expected);
  });
});

describe('compareWithRejudged (verify-record)', () => {
  const cmd = (status: CheckResult['status']) => check('command.t', status, { kind: 'command' });
  it.each<[string, CheckResult[], CheckResult[], string | null]>([
    ['identical', [cmd('fail')], [cmd('fail')], null],
    ['a deleted check', [], [cmd('pass')], 'the record lacks the check command.t'],
    ['a status edited to pass', [cmd('pass')], [cmd('fail')], 'the record says command.t is pass'],
    ['a worse stated status is fine', [cmd('fail')], [cmd('pass')], null],
    [
      'clock- and API-dependent kinds are not compared',
      [check('tool.node', 'pass', { kind: 'tool' })],
      [check('tool.node', 'fail', { kind: 'tool' })],
      null,
    ],
  ])('%s', (_name, recorded, rejudged, problem) => {
    const problems = compareWithRejudged(recorded, rejudged);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toContain(problem);
  });
});

describe('package.json scripts', () => {
  it('are read as own keys, and a package.json that is not JSON has none', () => {
    const text = '{"scripts": {"__proto__": "node hidden.mjs", "constructor": "node c.mjs"}}';
    expect(readPackageScript(text, '__proto__')).toBe('node hidden.mjs');
    expect(readPackageScript(text, 'constructor')).toBe('node c.mjs');
    expect(readPackageScript(text, 'toString')).toBeUndefined();
    expect(readPackageScript('{"scripts": ', 'build')).toBeUndefined();
    expect(readPackageScript('{"scripts": ["build"]}', '0')).toBeUndefined();
  });
});
