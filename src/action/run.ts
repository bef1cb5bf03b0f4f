// The Action on a real runner: inputs and the step through @actions/core, the process environment,
// command output to stdout.

import { createActionCommandLog } from '../adapters/github/command-log.js';
import { createRunnerStepIo } from '../adapters/github/step-io.js';
import { isEchoBackedUp } from '../adapters/command-output.js';
import type { GitRunner } from '../adapters/git-exec.js';
import { RUNNER_INPUTS } from './inputs.js';
import { runAction } from './main.js';

/** How a run ended: whether the gate reached a verdict, and whether the step failed. */
export interface StepOutcome {
  judged: boolean;
  failed: boolean;
}

/**
 * Runs the Action in this process, as the runner started it; `git` answers what index.ts asked
 * early. Never throws.
 */
export async function run(git?: GitRunner): Promise<StepOutcome> {
  const step = createRunnerStepIo();
  let failed = false;
  const judged = await runAction({
    ...(git ? { git } : {}),
    env: process.env,
    inputs: RUNNER_INPUTS,
    io: {
      ...step,
      fail: (message) => {
        failed = true;
        step.fail(message);
      },
    },
    commandEvents: () =>
      createActionCommandLog(
        (text) => process.stdout.write(text),
        () => isEchoBackedUp(process.stdout),
      ),
    exitNow: () => process.exit(130),
  });
  return { judged, failed };
}
