// The report's verification-commands section: a row per command, the run as a Gantt chart, and
// the output tail of each command that failed (fenced so no output can leave its block).

import { formatDuration } from '../config/duration.js';
import type { DecisionRecord, RecordCommand } from '../record.js';
import { renderGantt } from './gantt.js';
import { escapeMarkdown, mdCode, mdProse } from './markdown-escape.js';
import type { MarkdownOptions } from './markdown-options.js';

/** The commands table, chart and failing tails; '' when the gate has no commands. */
export function renderCommands(record: DecisionRecord, options: MarkdownOptions): string {
  if (record.commands.length === 0) return '';
  const cellCode = (value: string) => mdCode(value, { table: true });
  const rows = record.commands.map((c) => {
    const tests = c.tests
      ? `${c.tests.passed} passed, ${c.tests.failed} failed (${mdProse(c.tests.runner, { table: true })})`
      : '—';
    return `| ${cellCode(c.id)} | ${cellCode(c.run)} | ${describeResult(c)} | ${c.state === 'ran' ? formatDuration(c.duration_ms) : '—'} | ${tests} |`;
  });
  const tails = options.outputTails
    ? record.commands
        .filter(
          (c) =>
            c.state === 'ran' &&
            (c.exit_code !== 0 || c.timed_out || c.signal) &&
            c.output_tail.trim() !== '',
        )
        .map((c) =>
          [
            `<details><summary>Output tail of <code>${escapeMarkdown(c.id, 'html')}</code></summary>`,
            '',
            escapeMarkdown(c.output_tail, 'block', { info: 'text' }),
            '',
            '</details>',
          ].join('\n'),
        )
    : [];
  const gantt = renderGantt(record.commands);
  return [
    '## Verification commands',
    '',
    '| Command | Run | Result | Duration | Tests |',
    '|---|---|---|---|---|',
    ...rows,
    ...(gantt ? ['', gantt] : []),
    ...(tails.length ? ['', ...tails] : []),
  ].join('\n');
}

function describeResult(c: RecordCommand): string {
  if (c.state !== 'ran')
    return `${c.state}${c.reason ? `: ${mdProse(c.reason, { table: true })}` : ''}`;
  if (c.timed_out) return '⏱️ timed out';
  if (c.signal) return `💥 ${mdProse(c.signal, { table: true })}`;
  return c.exit_code === 0 ? '✅ exit 0' : `❌ exit ${c.exit_code}`;
}
