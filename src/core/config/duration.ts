// Durations as users write them in config: 90 (seconds), "90s", "10m", "1.5h", "500ms".

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * The longest timeout accepted: 7 days. Node timers overflow past 2^31-1 ms (24.8 days) and then
 * fire at once, so a larger value would kill a command immediately instead of never.
 */
export const MAX_DURATION_MS = 7 * 24 * 3_600_000;

/** Why a config duration is out of range (under 1 ms, or over MAX_DURATION_MS); undefined if fine. */
export function checkDurationRange(value: unknown): string | undefined {
  const ms = parseDuration(value);
  if (ms === undefined) return undefined; // the schema reports malformed durations
  if (ms < 1) return `duration ${JSON.stringify(value)} is shorter than 1ms`;
  if (ms > MAX_DURATION_MS)
    return `duration ${JSON.stringify(value)} is longer than the maximum of 168h (7 days)`;
  return undefined;
}

/** Milliseconds for a config duration; undefined when it is not one. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number' && value > 0) return Math.round(value * 1000);
  if (typeof value !== 'string') return undefined;
  const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(value.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]!]!);
}

/** Formats milliseconds for people: 850ms, 12.3s, 4m05s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}
