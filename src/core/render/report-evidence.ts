// The report's list of files read (with digests) and its footer line.

import { isFailing } from '../model.js';
import type { DecisionRecord } from '../record.js';
import { mdCode, mdText, mdUrl } from './markdown-escape.js';

/** The evidence table; '' when no file was read. */
export function renderEvidence(record: DecisionRecord): string {
  const cellCode = (value: string) => mdCode(value, { table: true });
  const rows = [...record.artifacts, ...record.documents].map(
    (d) =>
      `| ${cellCode(d.id)} | ${cellCode(d.path)} | ${d.sha256 ? cellCode(d.sha256.slice(0, 16)) : 'missing'} |`,
  );
  if (rows.length === 0) return '';
  return ['## Evidence read', '', '| Id | Path | sha256 |', '|---|---|---|', ...rows].join('\n');
}

/** One italic line: gate, config digest, counts, time, where, and a link to the run. */
export function renderFooter(record: DecisionRecord): string {
  const context = record.context;
  const where = [context.repository, context.sha?.slice(0, 12), context.event]
    .filter(Boolean)
    .map(mdText)
    .join(' · ');
  const failing = record.checks.filter((c) => isFailing(c.status)).length;
  const runUrl = mdUrl(context.run_url);
  const gate = `${mdText(record.gate.name)}${record.gate.version ? ` ${mdText(record.gate.version)}` : ''}`;
  return [
    '---',
    `_${gate} · config ${mdCode(record.gate.config_path)} (${mdText(record.gate.config_sha256.slice(0, 12))}) · ${record.checks.length} checks, ${failing} failing · ${mdText(record.generated_at)}${where ? ` · ${where}` : ''}${runUrl ? ` · [workflow run](${runUrl})` : ''}_`,
  ].join('\n');
}
