// Command durations of a previous decision record, the weights that balance shards.

import { couldNot, ok, type Outcome } from '../outcome.js';

/** Durations (ms) by command id from a record's text; `unavailable` when it is not a record. */
export function readRecordDurations(text: string): Outcome<Record<string, number>> {
  try {
    const record = JSON.parse(text) as { commands?: { id?: unknown; duration_ms?: unknown }[] };
    if (!Array.isArray(record.commands))
      return couldNot('it has no commands list (expected a decision-record.json)');
    const durations: Record<string, number> = Object.fromEntries(
      record.commands
        .filter((c) => typeof c.id === 'string' && typeof c.duration_ms === 'number')
        .map((c) => [c.id as string, c.duration_ms as number]),
    );
    return ok(durations);
  } catch (error) {
    return couldNot(`it is not JSON (${(error as Error).message})`, error);
  }
}
