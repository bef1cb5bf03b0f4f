// The "done when" on the examples, through the built CLI in a real git repository.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without types
import { buildDemoRepo, readLock } from '../../scripts/demo-repo.mjs';
import { cli, ROOT, STACK_TRACE } from './cli-helpers.js';
import { execFileSync } from '../support/shell-sync.js';

const PAYLOAD = 'docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json';
let repo: string;
let payloadText: string;

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'cc-demo-')), 'service-v3-cutover');
  const sha = buildDemoRepo(
    join(ROOT, 'examples', 'service-v3-cutover'),
    repo,
    execFileSync,
  ) as string;
  expect(sha).toBe(readLock(join(ROOT, 'examples', 'service-v3-cutover')).sha);
  payloadText = readFileSync(join(repo, PAYLOAD), 'utf8');
});
afterAll(() => rmSync(join(repo, '..'), { recursive: true, force: true }));

type Payload = {
  release_tag: string;
  modes: Record<string, Record<string, unknown> & { error_code_enum: string[] }>;
};

function editPayload(edit: (payload: Payload) => void): void {
  const payload = JSON.parse(payloadText) as Payload;
  edit(payload);
  writeFileSync(join(repo, PAYLOAD), JSON.stringify(payload, null, 2));
}

describe('examples/service-v3-cutover in a real git repository', () => {
  it('the release commit sha is reproducible, so the lock names the real v0.3.2 commit', () => {
    const again = join(mkdtempSync(join(tmpdir(), 'cc-demo-')), 'again');
    expect(buildDemoRepo(join(ROOT, 'examples', 'service-v3-cutover'), again)).toBe(
      readLock(join(ROOT, 'examples', 'service-v3-cutover')).sha,
    );
    rmSync(join(again, '..'), { recursive: true, force: true });
  });

  it('--decision rehearsal exits 0: rehearsal GO, cutover NO-GO', async () => {
    const run = await cli(['run', '--decision', 'rehearsal'], repo);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Rehearsal\s+GO/);
    expect(run.stdout).toMatch(/Runtime cutover\s+NO-GO/);
    expect(run.stdout).toContain('Verdict (rehearsal): GO');
    const record = JSON.parse(
      readFileSync(join(repo, 'checkpoint-evidence/decision-record.json'), 'utf8'),
    );
    expect(record.decisions.cutover.blocked_by).toEqual(['joint-decision.cutover']);
    expect(record.commands.map((c: { exit_code: number }) => c.exit_code)).toEqual([0, 0, 0, 0, 0]);
    expect(readFileSync(join(repo, 'checkpoint-evidence/report.md'), 'utf8')).toContain(
      '## Joint decision (producer-side copy)',
    );
  });

  it('--decision cutover exits 1 naming the joint decision record', async () => {
    const run = await cli(['run', '--decision', 'cutover', '--no-commands'], repo);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'joint-decision.cutover: joint decision record docs/implementation/JOINT_DECISION_RECORD.json is unsigned for cutover by producer, consumer',
    );
  });

  it.each([
    [
      'the payload release_tag',
      (p: Payload) => (p.release_tag = 'v0.3.1'),
      [
        "release_tag: payload (docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json:4:18) has 'v0.3.1', the lock in .github/cutover-checkpoint.yml says 'v0.3.2'",
      ],
    ],
    [
      'one error code of one mode',
      (p: Payload) => (p.modes.stable!.error_code_enum[1] = 'MISSING'),
      [
        "error_code_enum of mode 'stable' is out of sync with the manifest: added in payload (not in manifest): MISSING; missing from payload (in manifest): NOT_FOUND",
      ],
    ],
    [
      'an extra field in the candidate mode',
      (p: Payload) => (p.modes['service-v3-candidate']!.preview = true),
      [
        "field 'preview' in mode 'service-v3-candidate' is not in the manifest (field drift)",
        'Abort triggers: handoff.service-v3-candidate.fields',
      ],
    ],
  ])('changing %s makes it NO-GO and names what changed', async (_what, edit, mentions) => {
    editPayload(edit);
    try {
      const run = await cli(['run', '--no-commands'], repo);
      expect(run.status).toBe(1);
      const report = readFileSync(join(repo, 'checkpoint-evidence/report.md'), 'utf8');
      for (const mention of mentions) expect(run.stdout + report).toContain(mention);
    } finally {
      writeFileSync(join(repo, PAYLOAD), payloadText);
    }
  });

  it('--release-tag v0.3.1 makes it NO-GO naming inputs and both values', async () => {
    const run = await cli(['run', '--no-commands', '--release-tag', 'v0.3.1'], repo);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "release_tag: inputs has 'v0.3.1', the lock in .github/cutover-checkpoint.yml says 'v0.3.2'",
    );
  });

  it('--json prints the record and nothing else on stdout', async () => {
    const run = await cli(['run', '--no-commands', '--json'], repo);
    expect(run.status).toBe(2); // commands pending → CONDITIONAL, never a silent GO
    const record = JSON.parse(run.stdout);
    expect(record.verdict).toBe('CONDITIONAL');
    expect(record.context.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it('without the tag fetched it says how to fetch it', async () => {
    const shallow = join(repo, '..', 'untagged');
    cpSync(repo, shallow, { recursive: true });
    execFileSync('git', ['tag', '-d', 'v0.3.2'], { cwd: shallow });
    const run = await cli(['run', '--no-commands'], shallow);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('fetch-depth: 0');
  });
});

describe('examples/step22-production-cutover', () => {
  it('--decision cutover exits 2 with its label', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cc-step22-')), 'step22');
    cpSync(join(ROOT, 'examples', 'step22-production-cutover'), dir, { recursive: true });
    const run = await cli(['run', '--decision', 'cutover'], dir);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toContain(
      'Verdict (cutover): CONDITIONAL — CONDITIONAL CLOSE - PROCESS READY, EXECUTION PENDING',
    );
    expect(run.stdout).toContain('placeholder command');
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });
});
