// What the Action takes from the machine it runs on. On a runner (run.ts): the process
// environment, @actions/core and stdout; in tests: a fake step and shortened GitHub waits.

import type { CommandEvents, HeadCommit, Ports } from '../app/ports.js';
import type { StepIo } from '../adapters/github/step-io.js';
import type { GitRunner } from '../adapters/git-exec.js';
import type { Transport } from '../adapters/github/http-transport.js';
import type { InputSource } from './inputs.js';

/** Everything the Action takes from the machine it runs on; tests pass fakes of the runner parts. */
export interface ActionHost {
  /** GITHUB_* variables (GITHUB_EVENT_PATH, GITHUB_WORKSPACE, GITHUB_API_URL, …). */
  env: Readonly<Record<string, string | undefined>>;
  inputs: InputSource;
  io: StepIo;
  /** Live command output for the Actions log. */
  commandEvents: () => CommandEvents;
  /** Called on a second SIGINT/SIGTERM. */
  exitNow: () => void;
  /** Wait before the first retry of a GitHub request after a 5xx, in ms (tests shorten it). */
  retryAfterBaseMs?: number;
  /** Off: no pause between mutating GitHub requests (tests against the local server). */
  paceWrites?: boolean;
  /** The HTTP transport to GitHub (default: node:http/https); tests pass their local GitHub's own. */
  fetch?: Transport;
  /** Runs git (run.ts: one that answers what index.ts asked at start-up). */
  git?: GitRunner;
  /** Reads HEAD in a directory (default: git); tests stand in for the workflow's checkout. */
  readHead?: (root: string) => Promise<HeadCommit>;
  /** Wraps the machine's ports (tests replace the command runner with a replaying fake). */
  wrapPorts?: (ports: Ports) => Ports;
}
