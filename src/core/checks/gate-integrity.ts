// gate.integrity: a release PR must not weaken its own gate. When a pull request changes the gate
// config or the baseline lock compared with its base commit, the cutover decision is NO-GO for
// that PR and the report says so at the top.

import { BASELINE_FIELDS, type CheckOutcome } from '../model.js';
import { isPlainObject } from '../parse/json-pointer.js';
import { detectFormat, parseText } from '../parse/parse-document.js';
import type { EvaluationContext } from './evaluation-context.js';

/** One check on pull-request runs. */
export function evaluateGateIntegrity(context: EvaluationContext): CheckOutcome[] {
  const integrity = context.evidence.integrity;
  if (!integrity) return [];
  const path = context.config.path;
  const base = { id: 'gate.integrity', kind: 'gate' as const, only: ['cutover' as const] };
  const short = integrity.baseSha.slice(0, 12);
  if (integrity.baseConfig.kind === 'unavailable') {
    return [
      {
        ...base,
        status: 'pending',
        summary: `cannot compare the gate with the PR's base: ${integrity.baseConfig.reason}`,
      },
    ];
  }
  if (integrity.baseConfig.kind === 'missing') {
    return [
      {
        ...base,
        status: 'fail',
        summary: `this pull request adds the gate config ${path} (absent at base ${short}); a release PR must not define its own gate`,
        expected: 'gate config unchanged by the PR',
        observed: 'added',
      },
    ];
  }
  const current = context.evidence.files[path];
  if (current?.kind === 'ok' && current.text === integrity.baseConfig.text) {
    return [
      {
        ...base,
        status: 'pass',
        summary: `the gate config is unchanged from the PR's base ${short}`,
      },
    ];
  }
  const parsed = parseText(
    integrity.baseConfig.text,
    detectFormat(path, integrity.baseConfig.text),
  );
  const baseLock =
    parsed.ok &&
    isPlainObject(parsed.document.value) &&
    isPlainObject(parsed.document.value.baseline)
      ? parsed.document.value.baseline
      : {};
  const changes = BASELINE_FIELDS.filter(
    (field) => baseLock[field] !== context.config.baseline[field],
  ).map(
    (field) =>
      `${field}: '${String(baseLock[field] ?? '(none)')}' → '${context.config.baseline[field] ?? '(none)'}'`,
  );
  const summary =
    changes.length > 0
      ? `this pull request changes the baseline lock in ${path} (${changes.join('; ')}); the cutover is NO-GO for a PR that moves its own gate`
      : `this pull request changes the gate config ${path} compared with its base ${short}; the cutover is NO-GO for a PR that changes its own gate`;
  return [
    {
      ...base,
      status: 'fail',
      summary,
      details: changes,
      findings: [{ message: summary, location: { file: path, line: 1 } }],
      expected: `${path} as at ${short}`,
      observed: changes.length > 0 ? 'baseline lock changed' : 'gate config changed',
    },
  ];
}
