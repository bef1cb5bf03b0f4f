// Splits verification commands into n deterministic, balanced shards. Commands linked by `needs`
// stay in one shard (a shard cannot wait for another); groups are placed largest first on the
// least-loaded shard, weighted by the durations of a previous record when one is given, else by
// command count. Same input, same shards, on every machine.

import type { CommandConfig } from '../config/config-types.js';
import { couldNot, ok, type Outcome } from '../outcome.js';
import { readOwn } from '../own-key.js';

/** Which shard of how many: 1-based index. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Most shards a run may be split into: far more than any CI matrix, small enough to allocate. */
export const MAX_SHARDS = 256;

/** Parses `i/n` (1 ≤ i ≤ n ≤ MAX_SHARDS); `unavailable` with what is wrong otherwise. */
export function parseShardSpec(text: string): Outcome<ShardSpec> {
  const match = /^(\d{1,12})\/(\d{1,12})$/.exec(text.trim());
  if (!match) return couldNot(`shard must look like i/n, e.g. 2/4 (got '${text.slice(0, 40)}')`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count > MAX_SHARDS) return couldNot(`shard ${text}: n must be at most ${MAX_SHARDS}`);
  if (count < 1 || index < 1 || index > count)
    return couldNot(`shard ${text}: i must be between 1 and n`);
  return ok({ index, count });
}

/** The command ids of every shard, in config order within each. */
export function partitionCommands(
  commands: readonly CommandConfig[],
  count: number,
  durations: Readonly<Record<string, number>> = {},
): string[][] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SHARDS)
    throw new RangeError(`shard count ${count} is outside 1..${MAX_SHARDS}`);
  const groups = connectedGroups(commands);
  const known = Object.values(durations)
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  const fallback = known.length > 0 ? known[Math.floor(known.length / 2)]! : 1;
  const weight = (ids: string[]) =>
    ids.reduce(
      (sum, id) => sum + (known.length > 0 ? (readOwn<number>(durations, id) ?? fallback) : 1),
      0,
    );
  const order = groups
    .map((ids, position) => ({ ids, position, weight: weight(ids) }))
    .sort((a, b) => b.weight - a.weight || a.position - b.position);
  const loads = Array.from({ length: count }, () => 0);
  const assigned: string[][] = Array.from({ length: count }, () => []);
  for (const group of order) {
    let target = 0;
    for (let i = 1; i < count; i++) if (loads[i]! < loads[target]!) target = i;
    loads[target]! += group.weight;
    assigned[target]!.push(...group.ids);
  }
  const position = new Map(commands.map((c, i) => [c.id, i]));
  return assigned.map((ids) => ids.sort((a, b) => position.get(a)! - position.get(b)!));
}

/** Commands joined by `needs` in either direction, each group in config order. */
function connectedGroups(commands: readonly CommandConfig[]): string[][] {
  const parent = new Map(commands.map((c) => [c.id, c.id]));
  const find = (id: string): string => {
    const p = parent.get(id)!;
    if (p === id) return id;
    const root = find(p);
    parent.set(id, root);
    return root;
  };
  for (const command of commands) {
    for (const need of command.needs)
      if (parent.has(need)) parent.set(find(command.id), find(need));
  }
  const groups = new Map<string, string[]>();
  for (const command of commands) {
    const root = find(command.id);
    groups.set(root, [...(groups.get(root) ?? []), command.id]);
  }
  return [...groups.values()];
}
