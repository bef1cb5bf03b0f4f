// Command durations of a previous decision record, the weights that balance shards.

/** Durations (ms) by command id from a record's text; a message when it is not a record. */
export function readRecordDurations(text: string): Record<string, number> | string {
  try {
    const record = JSON.parse(text) as { commands?: { id?: unknown; duration_ms?: unknown }[] };
    if (!Array.isArray(record.commands))
      return 'it has no commands list (expected a decision-record.json)';
    return Object.fromEntries(
      record.commands
        .filter((c) => typeof c.id === 'string' && typeof c.duration_ms === 'number')
        .map((c) => [c.id as string, c.duration_ms as number]),
    );
  } catch (error) {
    return `it is not JSON (${(error as Error).message})`;
  }
}
