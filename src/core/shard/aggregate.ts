// Checks that n shard records form one complete, consistent run, and hands over their raw command
// results. The aggregation itself is a judgement like a run's (app/aggregate-shards.ts): the
// non-command checks are evaluated again and every command check is recomputed from its raw result.

import type { CheckpointConfig } from '../config/config-types.js';
import type { CommandResult } from '../evidence.js';
import type { DecisionRecord, RecordCommand } from '../record.js';
import { askDifferences, askOfRecord } from './shard-ask.js';

/** A shard record and where it was read from (for messages). */
export interface ShardRecord {
  path: string;
  record: DecisionRecord;
}

/**
 * The raw command results of a consistent set of shards, in config order, each from the shard that
 * owns it. Only raw results are taken (exit code, signal, timeout, output tail): the statuses a
 * shard record states are never trusted; the aggregation judges again.
 */
export function collectShardCommands(
  shards: readonly ShardRecord[],
  config: CheckpointConfig,
): CommandResult[] {
  const order = new Map(config.commands.map((c, i) => [c.id, i]));
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return shards
    .flatMap((s) =>
      s.record.commands.filter((c) => s.record.shard!.commands.includes(c.id)).map(toCommandResult),
    )
    .sort((a, b) => rank(a.id) - rank(b.id));
}

/** A recorded command as the judge reads results (the raw facts only). */
export function toCommandResult(command: RecordCommand): CommandResult {
  return {
    id: command.id,
    run: command.run,
    cwd: command.cwd,
    state: command.state,
    ...(command.reason ? { reason: command.reason } : {}),
    exitCode: command.exit_code,
    signal: command.signal,
    timedOut: command.timed_out,
    startedMs: command.started_ms,
    durationMs: command.duration_ms,
    outputTail: command.output_tail,
    outputBytes: command.output_bytes,
    ...(command.log_path ? { logPath: command.log_path } : {}),
  };
}

/** Why a set of shard records cannot be merged (empty when it can). */
export function findShardProblems(
  shards: readonly ShardRecord[],
  config: CheckpointConfig,
  configSha256: string,
): string[] {
  const problems = findProblems(shards, config, configSha256);
  if (problems.length > 0) return problems;
  const owners = new Map<string, string>();
  for (const s of shards)
    for (const id of s.record.shard!.commands) {
      const owner = owners.get(id);
      if (owner) problems.push(`command ${id} is claimed by both ${owner} and ${s.path}`);
      owners.set(id, s.path);
    }
  return problems;
}

function findProblems(
  shards: readonly ShardRecord[],
  config: CheckpointConfig,
  configSha256: string,
): string[] {
  if (shards.length === 0) return ['no shard records were given'];
  const problems: string[] = [];
  const notShards = shards.filter((s) => !s.record.shard);
  for (const s of notShards)
    problems.push(
      `${s.path} is not a shard record (it has no 'shard' field; produce shards with --shard i/n)`,
    );
  if (notShards.length > 0) return problems;
  const first = shards[0]!;
  const count = first.record.shard!.count;
  const sha = first.record.context.sha;
  for (const s of shards) {
    const r = s.record;
    if (r.shard!.count !== count)
      problems.push(
        `${s.path} is shard ${r.shard!.index}/${r.shard!.count}, but ${first.path} is one of ${count}`,
      );
    if (r.gate.name !== config.gate.name)
      problems.push(`${s.path} is from gate '${r.gate.name}', not '${config.gate.name}'`);
    if (r.gate.config_sha256 !== configSha256)
      problems.push(
        `${s.path} was produced with a different config (sha256 ${r.gate.config_sha256.slice(0, 12)}, ${config.path} here is ${configSha256.slice(0, 12)})`,
      );
    if (r.context.sha !== sha)
      problems.push(
        `${s.path} is from commit ${String(r.context.sha).slice(0, 12)}, ${first.path} from ${String(sha).slice(0, 12)}: shards of different commits cannot be merged`,
      );
    const differences = askDifferences(
      askOfRecord(r),
      askOfRecord(first.record),
      { here: `in ${s.path}`, there: `in ${first.path}` },
      false,
    );
    if (differences.length > 0)
      problems.push(
        `${s.path} was judged on another question than ${first.path} (${differences.join('; ')})`,
      );
  }
  for (let index = 1; index <= count; index++) {
    const given = shards.filter((s) => s.record.shard!.index === index);
    if (given.length === 0) problems.push(`shard ${index}/${count} is missing`);
    if (given.length > 1)
      problems.push(
        `shard ${index}/${count} is given ${given.length} times: ${given.map((s) => s.path).join(', ')}`,
      );
  }
  return problems;
}
