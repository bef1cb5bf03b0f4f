// gate.integrity: a change cannot approve its own cutover (SPEC §10). The run is judged under the
// trusted ref's policy; a change to that policy (the config, the baseline lock) or to a protected
// file fails the cutover and warns for the rehearsal, naming each file. The new policy applies once
// merged. When the trusted ref cannot be read the check is an error, never a fallback.

import { BASELINE_FIELDS, type CheckOutcome, type Finding } from '../model.js';
import { isPlainObject } from '../parse/json-pointer.js';
import { detectFormat, parseText } from '../parse/parse-document.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';
import { findProtectedChanges } from './protected-paths.js';

/** One check when a trusted ref is known (pull requests, --trusted-ref). */
export function evaluateGateIntegrity(context: EvaluationContext): CheckOutcome[] {
  const integrity = context.evidence.integrity;
  if (!integrity) return [];
  const path = context.config.path;
  const ref = integrity.trustedRef?.slice(0, 12) ?? '(none)';
  const base = { id: 'gate.integrity', kind: 'gate' as const, only: ['cutover' as const] };
  const trusted = integrity.trustedConfig;
  if (trusted.kind === 'unavailable' || integrity.changed.kind === 'unavailable') {
    const unavailable =
      trusted.kind === 'unavailable'
        ? trusted.reason
        : (integrity.changed as { reason: string }).reason;
    // With no ref at all, the reason says so ("no trusted ref: …").
    const at = integrity.trustedRef === null ? '' : ` at the trusted ref ${ref}`;
    const summary = `cannot read the policy${at}: ${unavailable}; the cutover is never judged under the change's own policy`;
    return [
      {
        ...base,
        status: 'error',
        summary,
        findings: [{ message: summary, location: { file: path } }],
        expected: 'fetch-depth: 0',
        observed: 'trusted ref unavailable',
      },
    ];
  }
  const lines: string[] = [];
  const findings: Finding[] = [];
  const head = integrity.headConfig.kind === 'ok' ? integrity.headConfig.text : '';
  if (trusted.kind === 'missing') {
    lines.push(
      `${path}: added (absent at the trusted ref ${ref}); a change must not define its own gate`,
    );
  } else if (trusted.text !== head) {
    lines.push(...describeConfigDiff(path, trusted.text, head));
  }
  if (lines.length > 0)
    findings.push({ message: lines.join('; '), location: { file: path, line: 1 } });
  for (const change of findProtectedChanges(context, integrity.changed)) {
    const line = `${change.path}: changed (${change.why})`;
    lines.push(line);
    findings.push({ message: `protected file ${line}`, location: { file: change.path } });
  }
  if (lines.length === 0)
    return [
      {
        ...base,
        status: 'pass',
        summary: `policy and protected files are unchanged from the trusted ref ${ref}`,
      },
    ];
  const files = [...new Set(lines.map((line) => line.split(':')[0]!))];
  const shown = lines.length > 5 ? [...lines.slice(0, 5), `and ${lines.length - 5} more`] : lines;
  const summary = `this change alters the policy or protected files compared with the trusted ref ${ref}: ${shown.join('; ')}. The cutover is NO-GO for a change that alters its own gate (a warning for the rehearsal); the new policy applies once merged`;
  return [
    {
      ...base,
      status: 'fail',
      summary,
      details: lines,
      findings,
      expected: `policy and protected files as at ${ref}`,
      observed: files,
    },
  ];
}

/** The policy diff of the config: each baseline-lock value moved, and each other section changed. */
function describeConfigDiff(path: string, trustedText: string, headText: string): string[] {
  const read = (text: string) => {
    const parsed = parseText(text, detectFormat(path, text));
    return parsed.ok && isPlainObject(parsed.document.value) ? parsed.document.value : undefined;
  };
  const trusted = read(trustedText);
  const head = read(headText);
  if (!trusted || !head) return [`${path}: changed`];
  const lock = (value: Record<string, unknown>) =>
    isPlainObject(value.baseline) ? value.baseline : {};
  const lines = BASELINE_FIELDS.filter((f) => lock(trusted)[f] !== lock(head)[f]).map(
    (f) =>
      `${path}: baseline lock ${f} '${String(lock(trusted)[f] ?? '(none)')}' → '${String(lock(head)[f] ?? '(none)')}'`,
  );
  const keys = [...new Set([...Object.keys(trusted), ...Object.keys(head)])].filter(
    (key) => key !== 'baseline' && JSON.stringify(trusted[key]) !== JSON.stringify(head[key]),
  );
  if (keys.length > 0)
    lines.push(`${path}: policy section(s) ${keys.map((k) => `'${k}'`).join(', ')} changed`);
  if (lines.length === 0) lines.push(`${path}: changed (formatting or comments only)`);
  return lines;
}
