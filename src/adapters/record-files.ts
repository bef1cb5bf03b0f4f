// Decision records named by the person running the gate (shard records to merge, a previous record
// whose durations balance shards, a record to verify). They may live outside the workspace: the
// path is taken as given, relative to `base`.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
  return typeof durations === 'string' ? couldNot(`${path}: ${durations}`) : ok(durations);
}
