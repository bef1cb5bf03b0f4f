// The ports for a run on this machine (a developer's or a GitHub runner): files, git, tools and
// processes here. The CLI and the Action differ only in logger and lookups.

import type { LoggerPort, LookupsPort, Ports } from '../app/ports.js';
import { createFsWorkspace } from './fs-workspace.js';
import { createGit } from './git.js';
import type { GitRunner } from './git-exec.js';
import { createOutputDir } from './output-dir.js';
import { createProcessRunner } from './process-runner.js';
import { createToolLookup } from './tool-lookup.js';

/** Ports over a workspace root and an evidence directory. */
export function createMachinePorts(options: {
  root: string;
  evidenceDir: string;
  logger: LoggerPort;
  lookups: LookupsPort;
  /** Runs git (default: git-exec.ts; the front doors pass one that answers prefetched questions). */
  git?: GitRunner;
  /** What commands and tool probes inherit and secrets are read from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}): Ports {
  const env = options.env ?? process.env;
  const output = createOutputDir(options.evidenceDir, options.root);
  return {
    workspace: createFsWorkspace(options.root),
    git: createGit(options.root, options.git),
    tools: createToolLookup(env.PATH ?? '', env),
    runner: createProcessRunner({ root: options.root, evidenceDir: output.directory, env }),
    lookups: options.lookups,
    output,
    logger: options.logger,
    environment: env,
    now: () => new Date(),
  };
}
