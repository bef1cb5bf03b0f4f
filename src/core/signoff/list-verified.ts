// The verified signatures of each decision, as the decision record keeps them.

import type { EvaluationContext } from '../evaluation/evaluation-context.js';
import { DECISIONS, type Decision } from '../model.js';
import type { VerifiedSignature } from './signoff-types.js';

/** Per decision: every signature the gate verified (GO and NO-GO), with its source. */
export function listVerifiedSignatures(
  context: EvaluationContext,
): Record<Decision, VerifiedSignature[]> {
  const judged = context.signoff;
  const out = {} as Record<Decision, VerifiedSignature[]>;
  for (const decision of DECISIONS) {
    const signoff = judged?.[decision];
    const signed = (signoff?.roles ?? []).flatMap(({ state }) =>
      state.kind === 'signed' ? [state.signature] : [],
    );
    // File refusals are signed slots already; GitHub refusals (changes requested) are not.
    const refused = (signoff?.refusals ?? [])
      .map((r) => r.signature)
      .filter((s) => !signed.includes(s));
    out[decision] = [...signed, ...refused];
  }
  return out;
}
