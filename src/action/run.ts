// The Action on a real runner: inputs and the step through @actions/core, the process environment,
// command output to stdout.

import { createActionCommandLog } from '../adapters/github/command-log.js';
import { createRunnerStepIo } from '../adapters/github/step-io.js';
import { isEchoBackedUp } from '../adapters/command-output.js';
import type { GitRunner } from '../adapters/git-prefetch.js';
import { RUNNER_INPUTS } from './inputs.js';
import { runAction } from './main.js';

/**
 * Runs the Action in this process, as the runner started it; `git` answers what index.ts asked
 * early. Never throws; resolves true when the gate reached a verdict.
 */
export async function run(git?: GitRunner): Promise<boolean> {
  return runAction({
    ...(git ? { git } : {}),
    env: process.env,
    inputs: RUNNER_INPUTS,
    io: createRunnerStepIo(),
    commandEvents: () =>
      createActionCommandLog(
        (text) => process.stdout.write(text),
        () => isEchoBackedUp(process.stdout),
      ),
    exitNow: () => process.exit(130),
  });
}
