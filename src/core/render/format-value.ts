// Small, shared formatting of values and states for every renderer.

import type { CheckStatus, DecisionState } from '../model.js';

/** A short, single-line rendering of any expected/observed value. */
export function formatValue(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const flat = (text ?? 'undefined').replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Human names of the decisions. */
export const DECISION_TITLES = { rehearsal: 'Rehearsal', cutover: 'Runtime cutover' } as const;

/** Emoji per decision state (GitHub renders them in check runs, comments and summaries). */
export const STATE_ICONS: Record<DecisionState, string> = {
  GO: '✅',
  'NO-GO': '❌',
  CONDITIONAL: '⚠️',
};

/** Emoji per check status. */
export const STATUS_ICONS: Record<CheckStatus, string> = {
  pass: '✅',
  fail: '❌',
  error: '💥',
  warn: '⚠️',
  pending: '⏳',
  waived: '🛡️',
  skipped: '⏭️',
};

/** Checks shown in order of attention: failures, pending, warnings, then the rest. */
export const STATUS_ORDER: CheckStatus[] = [
  'error',
  'fail',
  'pending',
  'warn',
  'waived',
  'skipped',
  'pass',
];

/** One line naming every icon a report can show (🛑 marks an abort trigger). */
export const ICON_LEGEND =
  'Legend: ✅ pass · ❌ fail · 💥 error (could not be evaluated) · ⚠️ warn · ⏳ pending · 🛡️ waived · ⏭️ skipped · 🛑 abort trigger (a failure blocks every decision)';

/** A full 40- or 64-hex commit sha, shown short in tables. */
export function isFullSha(value: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value);
}
