// Verifies each decision's joint-decision signatures once per evaluation (create-context.ts), the
// way the policy asks (file or GitHub), for the checks and the record to share.

import type { ContextBase, LoadedFile } from '../evaluation/evaluation-context.js';
import { DECISIONS, type Decision } from '../model.js';
import { judgeFileSignatures, type FileSlot } from './file-signatures.js';
import { judgeGitHubSignatures } from './github-signatures.js';
import type { SignoffJudgement } from './signoff-types.js';

/** Per decision, the verified signatures; undefined without a joint decision or a usable record. */
export function verifySignoff(
  context: ContextBase,
  loaded: LoadedFile | undefined,
): Record<Decision, SignoffJudgement> | undefined {
  const joint = context.config.jointDecision;
  let result: Record<Decision, SignoffJudgement> | undefined;
  if (joint && loaded?.ok) {
    const decisions = ownObject((loaded.document.value as Record<string, unknown>).decisions);
    const { evidence } = context;
    const tag = context.config.baseline.release_tag;
    result = {} as Record<Decision, SignoffJudgement>;
    for (const decision of DECISIONS) {
      const slots = ownObject(decisions[decision]) as Record<string, FileSlot | null>;
      if (joint.verify[decision] === 'file') {
        result[decision] = judgeFileSignatures({
          roles: joint.roles,
          signers: joint.signers,
          teams: evidence.signoff?.teams ?? {},
          slots,
          now: evidence.now,
          ...(tag
            ? {
                releaseDate: {
                  tag,
                  date: evidence.git.kind === 'ok' ? (evidence.git.tagDates?.[tag] ?? null) : null,
                },
              }
            : {}),
        });
      } else {
        result[decision] = judgeGitHubSignatures({
          roles: joint.roles,
          signers: joint.signers,
          ...(joint.environment ? { environment: joint.environment } : {}),
          evidence: evidence.signoff,
          claims: joint.roles.flatMap((role) => {
            const slot = Object.hasOwn(slots, role) ? slots[role] : null;
            return slot && typeof slot === 'object'
              ? [{ role, signedBy: slot.signed_by, decision: slot.decision, at: slot.signed_at }]
              : [];
          }),
        });
      }
    }
  }
  return result;
}

/** A JSON object's own entries only, or an empty object (no prototype to fall through to). */
function ownObject(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return Object.create(null);
  return Object.assign(Object.create(null), value) as Record<string, unknown>;
}
