// A verification command as the parsed config gives it (every field the runner reads), for the
// tests that run or plan commands without writing a config file.
import type { CommandConfig } from '../../src/core/config/config-types.js';
import { findBodySource } from '../../src/core/commands/command-body.js';

/** The command `id` running `run` with the config's defaults but a 30 s timeout; `extra` wins. */
export function commandConfig(
  id: string,
  run: string,
  extra: Partial<CommandConfig> = {},
): CommandConfig {
  const cwd = extra.cwd ?? '.';
  return {
    ...{ id, run, cwd, env: {}, secretEnv: [], timeoutMs: 30_000, needs: [] },
    ...{ reportsTests: false, mutates: false, placeholder: 'fail', passEnv: [] },
    body: findBodySource(run, cwd),
    ...extra,
  };
}
