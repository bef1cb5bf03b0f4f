// Finds tools on PATH (without a shell) and probes each with its version arguments, with a
// timeout. The probe's exit code is evidence: a version-manager shim that exits 1 with
// "version '3.12.1' is not installed" is not a usable python3, whatever number it printed. Probes
// run with the minimal environment (no token, no runner channels) and nothing they start outlives them.

import { realpath } from 'node:fs/promises';
import type { ToolEvidence } from '../core/evidence.js';
import type { ToolsPort } from '../app/ports.js';
import { buildChildEnv } from './child-env.js';
import { findExecutable } from './path-search.js';
import { execFileLauncher } from './exec-file.js';
import { createRunMarker, MARKER_VARIABLE, reapMarkedProcesses } from './leftover-processes.js';

const VERSION_TIMEOUT_MS = 10_000;
/** How long a probe's pipes are read after it exited, for what its children still write. */
const PIPE_DRAIN_MS = 250;

/** Looks tools up on the given PATH. */
export function createToolLookup(
  path = process.env.PATH ?? '',
  source: Readonly<Record<string, string | undefined>> = process.env,
): ToolsPort {
  return {
    async lookup(tools) {
      const marker = `${createRunMarker()}:probe`;
      const env = { ...buildChildEnv(source, { kind: 'probe' }), [MARKER_VARIABLE]: marker };
      let probed = false;
      const entries = await Promise.all(
        tools.map(async (tool): Promise<[string, ToolEvidence]> => {
          const found = findExecutable(tool.name, path);
          if (!found) return [tool.name, { found: false }];
          // Only tools with a minimum version or explicit probe arguments are run: a probe per
          // tool would cost every start-up a process each.
          if (!(tool.probe ?? tool.minVersion !== undefined))
            return [tool.name, { found: true, path: found }];
          const own = await ownNodeVersion(tool.name, found, tool.versionArgs);
          if (!own) probed = true;
          return [
            tool.name,
            { found: true, path: found, ...(own ?? (await probe(found, tool.versionArgs, env))) },
          ];
        }),
      );
      // Only a probe started can have left something behind (the scan reads every process).
      if (probed) await reapMarkedProcesses((m) => m === marker, 1000);
      return Object.fromEntries(entries);
    },
  };
}

/**
 * `node --version` answered without a process when the PATH hit is this very binary (same
 * realpath as process.execPath); undefined otherwise (another node, a shim, other arguments).
 */
async function ownNodeVersion(
  name: string,
  found: string,
  args: string[],
): Promise<Pick<ToolEvidence, 'versionOutput' | 'versionExitCode'> | undefined> {
  if (name !== 'node' || args.length !== 1 || args[0] !== '--version') return undefined;
  try {
    const [hit, self] = await Promise.all([realpath(found), realpath(process.execPath)]);
    return hit === self ? { versionOutput: process.version, versionExitCode: 0 } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the version probe; what it printed (stdout then stderr) and how it ended. `timeoutMs`:
 * a probe still there when the time is up did not finish, whatever its exit (exec-file.ts).
 * A probe that exited while something it started still holds its stdout (a daemon a shim
 * spawned) would otherwise wait out the whole timeout and count as hung: once it has exited, what
 * it printed is read for a moment more, then its pipes are let go (the lookup reaps what it left
 * behind).
 */
export async function probe(
  file: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = VERSION_TIMEOUT_MS,
): Promise<Pick<ToolEvidence, 'versionOutput' | 'versionExitCode' | 'probeFailure'>> {
  const { error, stdout, stderr } = await execFileLauncher(file, args, {
    env,
    timeout: timeoutMs,
    maxBuffer: 1024 * 1024,
    drainAfterExitMs: PIPE_DRAIN_MS,
  });
  const versionOutput = `${String(stdout)}\n${String(stderr)}`.trim().slice(0, 2000);
  if (!error) return { versionOutput, versionExitCode: 0 };
  if (typeof error.code === 'number') return { versionOutput, versionExitCode: error.code };
  const probeFailure =
    error.killed && error.code === null
      ? `did not finish within ${timeoutMs / 1000} s`
      : error.signal
        ? `was killed by ${error.signal}`
        : `failed (${String(error.code ?? error.message)})`;
  return { versionOutput, versionExitCode: null, probeFailure };
}
