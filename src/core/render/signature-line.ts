// One role's signature line in the report's joint-decision copy: what the gate verified and where
// it came from (file, review URL, run approval), or what the record only claims.

import type { Decision } from '../model.js';
import type { DecisionRecord } from '../record.js';

/** `GO (runtime cutover) — approved by alice (review <url>)`, `_unsigned_ (…)`, or a claim. */
export function renderSignatureLine(
  record: DecisionRecord,
  decision: Decision,
  role: string,
): string {
  const joint = record.joint_decision;
  const what = decision === 'rehearsal' ? 'rehearsal continuation' : 'runtime cutover';
  const verified = (joint?.verified?.[decision] ?? []).find((s) => s.role === role);
  if (verified) {
    const state = verified.decision === 'GO' ? `GO (${what})` : 'NO-GO';
    if (verified.source === 'file')
      return `${state} — signed by ${verified.signer} at ${verified.at ?? '?'}`;
    const source =
      verified.source === 'review'
        ? `review ${verified.url ?? ''}`.trim()
        : `approval of this run's deployment to ${verified.environments?.join(', ') ?? '?'}${verified.url ? ` (${verified.url})` : ''}`;
    return `${state} — ${verified.decision === 'GO' ? 'approved' : 'refused'} by ${verified.signer} on GitHub (${source})`;
  }
  const claimed =
    joint && Object.hasOwn(joint.signatures[decision], role)
      ? joint.signatures[decision][role]
      : null;
  return claimed
    ? `_not verified_ (${what}): the record says ${claimed.decision} by ${claimed.signed_by} at ${claimed.signed_at}`
    : `_unsigned_ (${what})`;
}
