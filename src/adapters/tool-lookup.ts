// Finds tools on PATH (without a shell) and reads their version output, with a timeout. Probes run
// with the minimal environment (no token, no runner channels) and nothing they start outlives them.

import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { ToolEvidence } from '../core/evidence.js';
import type { ToolsPort } from '../app/ports.js';
import { buildChildEnv } from './child-env.js';
import { createRunMarker, MARKER_VARIABLE, reapMarkedProcesses } from './leftover-processes.js';

const VERSION_TIMEOUT_MS = 10_000;

/** Looks tools up on the given PATH. */
export function createToolLookup(
  path = process.env.PATH ?? '',
  source: Readonly<Record<string, string | undefined>> = process.env,
): ToolsPort {
  return {
    async lookup(tools) {
      const marker = `${createRunMarker()}:probe`;
      const env = { ...buildChildEnv(source, { kind: 'probe' }), [MARKER_VARIABLE]: marker };
      const entries = await Promise.all(
        tools.map(async (tool): Promise<[string, ToolEvidence]> => {
          const found = await findOnPath(tool.name, path);
          if (!found) return [tool.name, { found: false }];
          if (!tool.minVersion) return [tool.name, { found: true, path: found }];
          return [
            tool.name,
            {
              found: true,
              path: found,
              versionOutput: await readVersion(found, tool.versionArgs, env),
            },
          ];
        }),
      );
      await reapMarkedProcesses((m) => m === marker, 1000);
      return Object.fromEntries(entries);
    },
  };
}

async function findOnPath(name: string, path: string): Promise<string | undefined> {
  for (const directory of path.split(delimiter).filter(Boolean)) {
    const candidate = join(directory, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

function readVersion(file: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolvePromise) => {
    execFile(
      file,
      args,
      { timeout: VERSION_TIMEOUT_MS, maxBuffer: 1024 * 1024, env },
      (_error, stdout, stderr) => {
        resolvePromise(`${String(stdout)}\n${String(stderr)}`.trim().slice(0, 2000));
      },
    );
  });
}
