// What the Action tells the runner: step outputs, the job summary, log lines, annotations and the
// step result. One interface so the Action's sink runs in-process against a fake in tests, and
// against @actions/core (workflow commands on stdout, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) here.

import { inspect } from 'node:util';
import * as core from '@actions/core';
import { createStopCommandsWriter } from '../stop-commands.js';

/** A file position for an error annotation in the workflow run. */
export interface LogPosition {
  file: string;
  line?: number;
  column?: number;
}

/** The runner's side of one step. */
export interface StepIo {
  setOutput(name: string, value: string): void;
  /** Appends Markdown to the job summary; rejects when the summary file cannot be written. */
  appendSummary(markdown: string): Promise<void>;
  info(message: string): void;
  /**
   * Writes text that quotes values the gate did not write (config, the judged tree) with workflow
   * commands stopped, so none of it runs as `::set-output`, `::add-mask::` and the like.
   */
  echo(text: string): void;
  notice(message: string): void;
  warning(message: string): void;
  /**
   * A debug line: the runner shows it only with step debug logging on (`ACTIONS_STEP_DEBUG` or
   * "Re-run with debug logging"; GitHub's "Enabling debug logging" docs).
   */
  debug(message: string): void;
  /** An error annotation, at a file position when known. */
  error(message: string, at?: LogPosition): void;
  /** Fails the step with a one-line message (exit code 1). */
  fail(message: string): void;
  /** Masks a secret in every later log line. */
  mask(secret: string): void;
}

/**
 * A fault as people debugging it need it: the stack and, link by link, the errors it was wrapped
 * from (`cause`), as Node prints them. Shown with step debug logging; the step's failure message
 * stays one line.
 */
export function debugFault(io: Pick<StepIo, 'debug'>, error: unknown): void {
  io.debug(`the fault in full: ${inspect(error, { depth: 4, breakLength: Infinity })}`);
}

/** The step as the GitHub runner sees it, through @actions/core. */
export function createRunnerStepIo(): StepIo {
  return {
    setOutput: (name, value) => core.setOutput(name, value),
    appendSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
    info: (message) => core.info(message),
    echo: createStopCommandsWriter((text) => process.stdout.write(text)),
    notice: (message) => core.notice(message),
    warning: (message) => core.warning(message),
    debug: (message) => core.debug(message),
    error: (message, at) =>
      core.error(
        message,
        at ? { file: at.file, startLine: at.line, startColumn: at.column } : undefined,
      ),
    fail: (message) => core.setFailed(message),
    mask: (secret) => core.setSecret(secret),
  };
}
