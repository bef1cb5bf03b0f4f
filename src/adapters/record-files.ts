// Decision records named by the person running the gate (shard records to merge, a previous record
// whose durations balance shards, a record to verify). They may live outside the workspace: the
// path is taken as given, relative to `base`.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GateAsk } from '../app/run-request.js';
import { couldNot, ok, type Outcome } from '../core/outcome.js';
import { readRecordDurations } from '../core/shard/durations.js';

/** The text of the record at `path` (relative to `base`), or why it cannot be read. */
export function readRecordFile(path: string, base = '.'): Outcome<string> {
  try {
    return ok(readFileSync(resolve(base, path), 'utf8'));
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (error as Error).message;
    return couldNot(`cannot read record ${path}: ${why}`, error);
  }
}

/** Command durations (ms) by id from the record at `path`, to balance shards. */
export function readShardDurations(path: string, base = '.'): Outcome<Record<string, number>> {
  const text = readRecordFile(path, base);
  if (text.kind !== 'ok') return text;
  const durations = readRecordDurations(text.value);
  return durations.kind === 'ok'
    ? durations
    : couldNot(`${path}: ${durations.reason}`, durations.cause);
}

/**
 * `ask` with its shard balanced by the command durations (ms) of the record at `path` (relative
 * to `base`): how both front doors read `--durations` / the `durations` input, once. Without a
 * shard or a path, the ask as it is (a durations record alone balances nothing and is not read).
 */
export function withShardDurations(
  ask: GateAsk,
  path: string | undefined,
  base = '.',
): Outcome<GateAsk> {
  if (!ask.shard || !path) return ok(ask);
  const durations = readShardDurations(path, base);
  if (durations.kind !== 'ok') return durations;
  return ok({ ...ask, shard: { ...ask.shard, durations: durations.value } });
}
