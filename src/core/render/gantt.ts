// The command run as a Mermaid Gantt chart (GitHub renders it), with the critical path named, so a
// reader sees what made the run as long as it was.

import { findCriticalPath } from '../commands/critical-path.js';
import { formatDuration } from '../config/duration.js';
import type { CommandResult } from '../evidence.js';
import type { RecordCommand } from '../record.js';
import { escapeMarkdown, mdCode } from './markdown-escape.js';

/** A Mermaid `gantt` block and a critical-path line, or '' when nothing ran. */
export function renderGantt(commands: readonly RecordCommand[]): string {
  const ran = commands.filter((c) => c.state === 'ran');
  if (ran.length === 0) return '';
  const results = ran.map(
    (c) =>
      ({
        id: c.id,
        state: c.state,
        startedMs: c.started_ms,
        durationMs: c.duration_ms,
      }) as CommandResult,
  );
  const critical = findCriticalPath(results, new Map(commands.map((c) => [c.id, c.needs])));
  const isFailed = (c: RecordCommand) => c.exit_code !== 0 || c.timed_out || c.signal !== null;
  const anyFailed = ran.some(isFailed);
  const span = Math.max(...ran.map((c) => c.started_ms + c.duration_ms));
  const rows = ran.map((c) => {
    const failed = isFailed(c);
    const tags = [failed ? 'crit' : critical.ids.includes(c.id) ? 'active' : 'done'];
    // Inside the mermaid block a task name is Mermaid syntax: only a safe alphabet survives.
    const name = escapeMarkdown(`${c.id} (${formatDuration(c.duration_ms)})`, 'label');
    return `    ${name} :${tags.join(', ')}, ${Math.round(c.started_ms)}, ${Math.round(c.started_ms + Math.max(c.duration_ms, 1))}`;
  });
  return [
    '```mermaid',
    'gantt',
    '    dateFormat x',
    `    axisFormat ${axisFormatFor(span)}`,
    '    section commands',
    ...rows,
    '```',
    '',
    `Critical path: ${critical.ids.map((id) => mdCode(id)).join(' → ')} (${formatDuration(critical.ms)})${anyFailed ? '; failed commands in red' : ''}.`,
  ].join('\n');
}

/**
 * A d3 time format for the chart's axis, from the run's span in ms: under 10 s the ticks are
 * seconds with milliseconds (minutes:seconds would label every tick 00:00), under an hour
 * minutes:seconds, else hours:minutes.
 */
export function axisFormatFor(spanMs: number): string {
  if (spanMs < 10_000) return '%S.%L s';
  return spanMs < 3_600_000 ? '%M:%S' : '%H:%M';
}
