// `verify: file`: the record's slots are the signatures, but only the policy says who may sign,
// and a date is checked against the clock and the release commit (SPEC §10).

import type { LookupResult } from '../evidence.js';
import { rolesOf, sameLogin } from './signers.js';
import type { RoleState, SignoffJudgement, VerifiedSignature } from './signoff-types.js';

/** A slot of the record as it was read (already valid against builtin:joint-decision). */
export interface FileSlot {
  decision: 'GO' | 'NO-GO';
  signed_by: string;
  signed_at: string;
}

/** What a file verification needs; every value is data. */
export interface FileSignoffInput {
  roles: readonly string[];
  signers: ReadonlyMap<string, readonly string[]>;
  teams: Readonly<Record<string, LookupResult<string[]>>>;
  /** The decision's slots from the record (an object from JSON: read own keys only). */
  slots: Readonly<Record<string, FileSlot | null>>;
  /** ISO 8601 now. */
  now: string;
  /** The release commit's date, when a release tag is locked: ISO, or null when unknown. */
  releaseDate?: { tag: string; date: string | null };
}

/** Judges the record's own signatures under the policy. */
export function judgeFileSignatures(input: FileSignoffInput): SignoffJudgement {
  const refusals: SignoffJudgement['refusals'] = [];
  const states = input.roles.map((role): { role: string; state: RoleState } => {
    const slot = Object.hasOwn(input.slots, role) ? input.slots[role] : null;
    if (!slot || typeof slot !== 'object') return { role, state: { kind: 'unsigned' } };
    return { role, state: judgeSlot(role, slot, input) };
  });
  // One person, one role: a second role signed by the same person is not a signature.
  states.forEach((entry, i) => {
    if (entry.state.kind !== 'signed') return;
    const signer = entry.state.signature.signer;
    const first = states.findIndex(
      (other, j) =>
        j < i && other.state.kind === 'signed' && sameLogin(other.state.signature.signer, signer),
    );
    if (first >= 0)
      entry.state = {
        kind: 'invalid',
        why: `${signer} signed both ${states[first]!.role} and ${entry.role}; one person signs at most one role`,
      };
  });
  for (const { state } of states) {
    if (state.kind === 'signed' && state.signature.decision === 'NO-GO')
      refusals.push({
        signature: state.signature,
        message: `${state.signature.role} signed NO-GO`,
      });
  }
  return { verifiedBy: 'file', roles: states, refusals, unavailable: [], notes: [] };
}

function judgeSlot(role: string, slot: FileSlot, input: FileSignoffInput): RoleState {
  const { yes, unknown } = rolesOf(slot.signed_by, [role], input.signers, input.teams);
  if (yes.length === 0) {
    if (unknown[0])
      return { kind: 'unverifiable', why: `${role}: ${slot.signed_by} — ${unknown[0].why}` };
    const allowed = input.signers.get(role) ?? [];
    return {
      kind: 'invalid',
      why: `${role} signed_by '${slot.signed_by}' is not an allowed signer (${allowed.length ? `joint_decision.signers.${role}: ${allowed.join(', ')}` : `joint_decision.signers names nobody for ${role}`})`,
    };
  }
  const at = Date.parse(slot.signed_at);
  if (Number.isNaN(at))
    return { kind: 'invalid', why: `${role} signed_at '${slot.signed_at}' is not a date` };
  if (at > Date.parse(input.now))
    return {
      kind: 'invalid',
      why: `${role} signed_at ${slot.signed_at} is in the future (now ${input.now})`,
    };
  const release = input.releaseDate;
  if (release) {
    if (release.date === null)
      return {
        kind: 'unverifiable',
        why: `${role} signed_at ${slot.signed_at} cannot be checked: the date of release tag ${release.tag}'s commit is unknown`,
      };
    if (at < Date.parse(release.date))
      return {
        kind: 'invalid',
        why: `${role} signed_at ${slot.signed_at} is before the release commit of ${release.tag} (${release.date})`,
      };
  }
  const signature: VerifiedSignature = {
    role,
    signer: slot.signed_by,
    decision: slot.decision,
    source: 'file',
    at: slot.signed_at,
  };
  return { kind: 'signed', signature };
}
