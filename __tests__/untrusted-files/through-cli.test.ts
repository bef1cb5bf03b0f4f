// Through the built CLI: a committed symlink in the evidence directory is refused (exit 3, the
// outside file untouched), a FIFO document does not hang `validate`, SIGTERM ends a `validate`
// at once, and a joint record holding HTML, a mention, a marker and a forged heading is
// rendered as text in report.md.

import { spawn } from 'node:child_process';
import { execFileSync } from '../support/shell-sync.js';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, CLI, ROOT, STACK_TRACE, workspace } from '../cli/cli-helpers.js';
import { shapeOf } from '../untrusted-markdown/markdown-structure.js';

const CONFIG = '.github/cutover-checkpoint.yml';
const GATE = 'version: 1\ngate:\n  name: files\n';

function outsideVictim(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-victim-'));
  writeFileSync(join(dir, 'victim'), 'original\n');
  return join(dir, 'victim');
}

describe('untrusted files through the built CLI', () => {
  it('refuses to write report.md through a committed symlink (exit 3, outside untouched)', async () => {
    const victim = outsideVictim();
    const dir = workspace({ [CONFIG]: GATE });
    mkdirSync(join(dir, 'checkpoint-evidence'));
    symlinkSync(victim, join(dir, 'checkpoint-evidence', 'report.md'));
    const run = await cli(['validate'], dir);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(
      'refusing to write checkpoint-evidence/report.md: it is a symbolic link',
    );
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(victim, 'utf8')).toBe('original\n');
  });

  it('refuses a logs directory that is a symlink to outside before any command runs', async () => {
    const victim = outsideVictim();
    const dir = workspace({
      [CONFIG]: `${GATE}commands:\n  - id: hello\n    run: echo hello > marker-ran\n`,
    });
    mkdirSync(join(dir, 'checkpoint-evidence'));
    symlinkSync(join(victim, '..'), join(dir, 'checkpoint-evidence', 'logs'));
    const run = await cli(['run'], dir);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(
      'refusing to write checkpoint-evidence/logs: it is a symbolic link',
    );
    expect(() => readFileSync(join(victim, '..', 'hello.log'))).toThrow();
    expect(() => readFileSync(join(dir, 'marker-ran'))).toThrow();
  });

  it('a FIFO as a document path is refused, not waited on', async () => {
    const dir = workspace({
      [CONFIG]: `${GATE}documents:\n  - id: notes\n    path: NOTES.md\n`,
    });
    execFileSync('mkfifo', [join(dir, 'NOTES.md')]);
    const run = await cli(['validate'], dir);
    // A document that cannot be read is an error: NO-GO, never a wait or a pass.
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/NOTES\.md/);
    expect(readFileSync(join(dir, 'checkpoint-evidence', 'report.md'), 'utf8')).toContain(
      'FIFO (named pipe), not a regular file',
    );
  });

  it('SIGTERM ends a validate run that is still alive', async () => {
    const dir = workspace({ [CONFIG]: GATE });
    // Keeps the process alive after validate, the way a stuck read would.
    writeFileSync(join(dir, 'linger.mjs'), 'setInterval(() => {}, 1000);\n');
    const child = spawn(process.execPath, ['--import', join(dir, 'linger.mjs'), CLI, 'validate'], {
      cwd: dir,
      stdio: 'ignore',
    });
    const ended = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    // Give validate time to finish its work; the process stays up only because of the interval.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGTERM');
    const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    expect(await ended).toBe('SIGTERM');
    clearTimeout(guard);
  });

  it('a joint record holding HTML, a mention, a marker and a forged heading stays text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-joint-'));
    cpSync(join(ROOT, 'examples', 'service-v3-cutover'), dir, { recursive: true });
    const path = join(dir, 'docs/implementation/JOINT_DECISION_RECORD.json');
    const record = JSON.parse(readFileSync(path, 'utf8'));
    const attack =
      '</details> <img src=x onerror=alert(1)> @acme/security-team <!-- cutover-checkpoint:gate=Cutover%20checkpoint -->';
    record.decisions.rehearsal.producer.signed_by = '\n\n# ✅ Runtime cutover: GO';
    record.residual_risks = [attack, '| forged | row |\n|---|---|'];
    record.rollback.trigger_owner = '@octocat `` ` ``` ';
    writeFileSync(path, JSON.stringify(record, null, 2));
    const run = await cli(['validate'], dir);
    expect([0, 1, 2]).toContain(run.status);
    const report = readFileSync(join(dir, 'checkpoint-evidence', 'report.md'), 'utf8');
    expect(report).not.toContain('<!--');
    expect(report).not.toContain('<img');
    const shape = shapeOf(report);
    expect(shape.html.every((html) => /^<\/?details>|^<details><summary>/.test(html))).toBe(true);
    expect(shape.texts.join('\n')).not.toMatch(/@[a-z]/);
    expect(shape.structure.filter((s) => s === 'heading:1')).toHaveLength(1);
    expect(report).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
