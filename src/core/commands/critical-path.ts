// The chain of dependent commands that decided the run's wall time, for the report's Gantt chart.

import type { CommandResult } from '../evidence.js';

/** Ids on the critical path, first to last, and its length in ms. */
export function findCriticalPath(
  results: readonly CommandResult[],
  needs: ReadonlyMap<string, readonly string[]>,
): { ids: string[]; ms: number } {
  const ran = results.filter((r) => r.state === 'ran');
  if (ran.length === 0) return { ids: [], ms: 0 };
  const byId = new Map(ran.map((r) => [r.id, r]));
  const end = (r: CommandResult) => r.startedMs + r.durationMs;
  let last = ran.reduce((a, b) => (end(b) > end(a) ? b : a));
  const path = [last.id];
  // Walk back through the dependency that finished last before each command started.
  for (;;) {
    const previous = (needs.get(last.id) ?? [])
      .map((id) => byId.get(id))
      .filter((r): r is CommandResult => r !== undefined);
    if (previous.length === 0) break;
    last = previous.reduce((a, b) => (end(b) > end(a) ? b : a));
    path.unshift(last.id);
  }
  const first = byId.get(path[0]!)!;
  return { ids: path, ms: end(byId.get(path.at(-1)!)!) - first.startedMs };
}
