// joint-decision.<decision>: every required role has signed GO for that decision. An unsigned slot
// is pending or fail as configured; a signed NO-GO is always a fail.

import { DECISIONS, type CheckOutcome } from '../model.js';
import type { EvaluationContext } from './evaluation-context.js';
import { loadJointDecision } from './joint-decision-file.js';
import { locationOf } from '../parse/parse-document.js';
import { readOwn } from '../own-key.js';

/** A signature slot as the record holds it. */
export interface Signature {
  decision: 'GO' | 'NO-GO';
  signed_by: string;
  signed_at: string;
}

/** One check per decision, each blocking only its own decision. */
export function evaluateJointDecision(context: EvaluationContext): CheckOutcome[] {
  const config = context.config.jointDecision;
  if (!config) return [];
  const loaded = loadJointDecision(context)!;
  return DECISIONS.map((decision): CheckOutcome => {
    const id = `joint-decision.${decision}`;
    const base = { id, kind: 'joint-decision' as const, only: [decision] };
    if (!loaded.ok)
      return { ...base, status: loaded.status, summary: loaded.summary, findings: loaded.findings };
    const byRole = readOwn((loaded.document.value as { decisions?: unknown }).decisions, decision);
    // Roles come from the config: `toString` must find nobody, not Object.prototype.toString.
    const slots: Record<string, Signature | null | undefined> = Object.fromEntries(
      config.roles.map((role) => [role, readOwn<Signature | null>(byRole, role)]),
    );
    const location = locationOf(config.path, loaded.document, `/decisions/${decision}`);
    const unsigned = config.roles.filter((role) => !slots[role]);
    const refused = config.roles.filter((role) => slots[role]?.decision === 'NO-GO');
    const signed = config.roles
      .filter((role) => slots[role]?.decision === 'GO')
      .map((role) => `${role} (${slots[role]!.signed_by}, ${slots[role]!.signed_at})`);
    const expected = Object.fromEntries(config.roles.map((role) => [role, 'GO']));
    const observed = Object.fromEntries(
      config.roles.map((role) => [role, slots[role]?.decision ?? 'unsigned']),
    );
    if (refused.length > 0) {
      const summary = `joint decision record: ${refused.join(', ')} signed NO-GO for ${decision}`;
      return {
        ...base,
        status: 'fail',
        summary,
        findings: [{ message: summary, location }],
        expected,
        observed,
      };
    }
    if (unsigned.length > 0) {
      const summary = `joint decision record ${config.path} is unsigned for ${decision} by ${unsigned.join(', ')}`;
      return {
        ...base,
        status: config.unsigned[decision],
        summary,
        details: signed.length ? [`signed GO: ${signed.join('; ')}`] : [],
        findings: [{ message: summary, location }],
        expected,
        observed,
      };
    }
    return {
      ...base,
      status: 'pass',
      summary: `signed GO for ${decision} by ${signed.join('; ')}`,
    };
  });
}
