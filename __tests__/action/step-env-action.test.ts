// The Action's commands inherit the step's environment (host.env: process.env on a runner), the
// environment the door was given, not the test process's or a default.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitWorkspace } from './git-workspace.js';
import { fixturePayload, runActionInProcess } from './run-action.js';

const CONFIG = [
  'version: 1',
  'gate: {name: step-env}',
  'commands:',
  `  - {id: sees-step-env, run: 'test "$CC_STEP_VALUE" = from-the-step'}`,
  '',
].join('\n');
let dir: string;

beforeAll(() => {
  dir = gitWorkspace({ '.github/cutover-checkpoint.yml': CONFIG });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the step's environment", () => {
  it.each([
    ['given to the step', { CC_STEP_VALUE: 'from-the-step' }, 'GO', 0],
    ['absent from the step', {}, 'NO-GO', 1],
  ] as const)('a variable %s is what its command sees', async (_, env, verdict, status) => {
    expect(process.env.CC_STEP_VALUE).toBeUndefined();
    const run = await runActionInProcess({
      workspace: dir,
      event: 'push',
      payload: fixturePayload('push.json'),
      env,
      inputs: { 'github-token': '' },
    });
    expect(run.outputs.verdict, run.stdout).toBe(verdict);
    expect(run.status).toBe(status);
  });
});
