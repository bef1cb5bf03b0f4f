// Merges the partial records of n shards into one decision record: the non-command checks of
// shard 1, every shard's command checks and results in config order, the fail-closed checks
// judged over the whole, and both decisions decided again with the same rules as one run.

import type { CheckpointConfig } from '../config/config-types.js';
import { decideAll } from '../decide.js';
import { judgeCommandsExecuted } from '../checks/commands.js';
import { failClosed } from '../judge.js';
import { isFailing, type CheckResult } from '../model.js';
import { applyPolicy } from '../policy.js';
import type { DecisionRecord } from '../record.js';

/** A shard record and where it was read from (for messages). */
export interface ShardRecord {
  path: string;
  record: DecisionRecord;
}

export type AggregateResult =
  { ok: true; record: DecisionRecord } | { ok: false; problems: string[] };

/** Checks the set of shards is complete and consistent, then merges it. */
export function aggregateRecords(
  shards: readonly ShardRecord[],
  config: CheckpointConfig,
  configSha256: string,
  now: string,
): AggregateResult {
  const problems = findProblems(shards, config, configSha256);
  if (problems.length > 0) return { ok: false, problems };
  const byIndex = new Map(shards.map((s) => [s.record.shard!.index, s.record]));
  const first = byIndex.get(1)!;
  const order = new Map(config.commands.map((c, i) => [c.id, i]));
  const commandRank = (id: string) =>
    order.get(id.replace(/^command\./, '')) ?? Number.MAX_SAFE_INTEGER;
  const commandChecks = shards
    .flatMap((s) => s.record.checks.filter((c) => c.id.startsWith('command.')))
    .sort((a, b) => commandRank(a.id) - commandRank(b.id));
  const commands = shards
    .flatMap((s) => s.record.commands)
    .sort((a, b) => commandRank(a.id) - commandRank(b.id));
  const today = now.slice(0, 10);
  const executed =
    config.commands.length > 0
      ? [
          applyPolicy(
            judgeCommandsExecuted(
              config.commands.length,
              commands.filter((c) => c.state === 'ran').length,
            ),
            config.checkPolicies,
            config.waivers,
            today,
          ),
        ]
      : [];

  // Command checks go where a single run puts them: before the sign-off and consumer checks.
  const others = first.checks.filter((c) => !c.id.startsWith('command.'));
  const insertAt = others.findIndex((c) =>
    ['consumer', 'incidents', 'joint-decision'].includes(c.kind),
  );
  const checks: CheckResult[] =
    insertAt === -1
      ? [...others, ...commandChecks, ...executed]
      : [...others.slice(0, insertAt), ...commandChecks, ...executed, ...others.slice(insertAt)];
  checks.push(
    ...failClosed(checks).map((outcome) =>
      applyPolicy(outcome, config.checkPolicies, config.waivers, today),
    ),
  );

  const decisions = decideAll(checks, config.labels);
  const requested = decisions[first.decision_requested];
  const rest: DecisionRecord = { ...first };
  delete rest.shard;
  return {
    ok: true,
    record: {
      ...rest,
      generated_at: now,
      verdict: requested.state,
      verdict_label: requested.label,
      decisions,
      abort_triggers: checks.filter((c) => c.abort && isFailing(c.status)).map((c) => c.id),
      checks,
      commands,
      aggregated_from: [...shards]
        .sort((a, b) => a.record.shard!.index - b.record.shard!.index)
        .map((s) => s.path),
    },
  };
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
    if (r.decision_requested !== first.record.decision_requested)
      problems.push(
        `${s.path} asked for the ${r.decision_requested} decision, ${first.path} for ${first.record.decision_requested}`,
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
