// Through the built Action, read the way the runner reads a step: a command's output cannot issue
// workflow commands, and commands and tool probes cannot reach the runner's channel files, the
// token input or the runtime tokens.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitWorkspace as workspace } from '../action/git-workspace.js';
import { runAction, runActionInProcess, TOKEN, type ActionRun } from '../action/run-action.js';
import { readAsRunner } from '../support/workflow-commands.js';

const RUNTIME_TOKEN = 'runtime-token-0123456789abcdef';
const HOSTILE = [
  'echo "::set-output name=verdict::GO"',
  'echo "  ::set-output name=cutover::GO"',
  'echo "::add-mask::NO-GO"',
  'echo "::error file=src/x.ts,line=1::forged annotation"',
  'echo "::warning::forged warning"',
  'echo "::stop-commands::attacker"',
  'echo "::set-output name=rehearsal::GO"',
  'echo "::attacker::"',
  'echo "##[set-output name=blocking-checks;]"',
  "printf 'partial\\r::notice::after a carriage return\\n'",
  'for f in "$GITHUB_OUTPUT" "$GITHUB_ENV" "$GITHUB_PATH" "$GITHUB_STATE"; do [ -z "$f" ] || echo "verdict=GO" >> "$f"; done',
  '[ -z "$GITHUB_STEP_SUMMARY" ] || echo "# ✅ Runtime cutover: GO" >> "$GITHUB_STEP_SUMMARY"',
  'env > "$DUMP/command-env.txt"',
  'echo "1 passed, 0 failed"',
].join('\n');

let dir: string;
let run: ActionRun;
beforeAll(async () => {
  dir = workspace({
    '.github/cutover-checkpoint.yml': [
      'version: 1',
      'gate: { name: hostile-output }',
      'tools:',
      '  - name: sh',
      '    min_version: "0.0.1"',
      `    version_args: ["-c", "env > \\"$PWD/probe-env.txt\\"; echo 1.0.0"]`,
      'commands:',
      '  - id: hostile',
      '    run: |',
      ...HOSTILE.split('\n').map((line) => `      ${line}`),
      '    env: { DUMP: "." }',
      '    reports_tests: true',
      '  - id: fails',
      '    run: "echo 1 passed, 1 failed; exit 1"',
    ].join('\n'),
  });
  run = await runAction({
    workspace: dir,
    event: 'push',
    payload: 'push.json',
    inputs: { publish: 'false', 'fail-on': 'never' },
    env: {
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNTIME_TOKEN,
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc',
    },
  });
}, 90_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a command printing workflow commands, through dist/index.js', () => {
  it('issues none of them: the outputs are the real verdict', () => {
    expect(run.status, run.stdout).toBe(0);
    const runner = readAsRunner(run.stdout);
    expect(run.outputs.verdict).toBe('NO-GO');
    expect(runner.outputs).toEqual({});
    expect(runner.masks).not.toContain('NO-GO');
    expect(runner.annotations.map((a) => a.data).join('\n')).not.toMatch(/forged|carriage/);
    expect(runner.stoppedAtEnd).toBe(false);
    // The command's output is in the log (as text), so people still see it.
    expect(run.stdout).toContain('::set-output name=verdict::GO');
  });

  it('cannot write the runner’s output, env, path, state or summary files', () => {
    expect(readFileSync(join(dir, 'command-env.txt'), 'utf8')).not.toMatch(
      /GITHUB_(OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)=/,
    );
    expect(run.channels).toEqual({ env: '', path: '', state: '' });
    expect(run.summary).not.toMatch(/^# ✅ Runtime cutover: GO$/m);
    expect(Object.values(run.outputs)).not.toContain('GO');
  });

  it('gives neither the command nor a tool probe the token input or the runtime tokens', () => {
    for (const file of ['command-env.txt', 'probe-env.txt']) {
      const env = readFileSync(join(dir, file), 'utf8');
      expect(env, file).not.toContain(TOKEN);
      expect(env, file).not.toContain(RUNTIME_TOKEN);
      expect(env, file).not.toMatch(/^(INPUT_|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RUNTIME_TOKEN)/m);
    }
    // The probe gets the minimal environment only.
    expect(readFileSync(join(dir, 'probe-env.txt'), 'utf8')).not.toMatch(/^GITHUB_/m);
  });
});

describe('working-directory', () => {
  it('refuses a directory outside the workspace and leaves the verdict outputs empty', async () => {
    const refused = await runActionInProcess({
      workspace: dir,
      event: 'push',
      payload: 'push.json',
      inputs: { publish: 'false', 'working-directory': '../../x' },
    });
    expect(refused.status).not.toBe(0);
    expect(
      readAsRunner(refused.stdout)
        .annotations.map((a) => a.data)
        .join('\n'),
    ).toMatch(/working-directory.*'\.\.\/\.\.\/x' leads outside the workspace/);
    expect(refused.outputs.verdict ?? '').toBe('');
  });
});
