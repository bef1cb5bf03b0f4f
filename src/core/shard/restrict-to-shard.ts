// What one shard evaluates: its own slice of the commands, and, in shard 1 only, everything that
// is not a command (artifacts, rules, documents, tools, sign-offs), so nothing is evaluated twice.

import type { CheckpointConfig } from '../config/config-types.js';

/** The config as one shard sees it. */
export function restrictToShard(
  config: CheckpointConfig,
  shard: { index: number; commands: string[] },
): CheckpointConfig {
  const commands = config.commands.filter((command) => shard.commands.includes(command.id));
  if (shard.index === 1) return { ...config, commands };
  return {
    ...config,
    commands,
    baseline: {},
    artifacts: [],
    handoff: undefined,
    rules: [],
    documents: [],
    changelog: undefined,
    tools: [],
    incidents: undefined,
    consumer: undefined,
    jointDecision: undefined,
  };
}
