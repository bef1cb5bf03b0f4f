// `verify: github`: signatures are what GitHub vouches for — an allowed signer's APPROVED review
// of the pull request on its head sha (each reviewer's latest review counts), or their approval of
// this run's deployment environment. The record's slots are only claims (SPEC §10).

import type { ReviewEvidence, SignoffEvidence } from '../evidence.js';
import { assignRoles, rolesOf, sameLogin } from './signers.js';
import type { RoleState, SignoffJudgement, VerifiedSignature } from './signoff-types.js';

/** What a GitHub verification needs; every value is data. */
export interface GitHubSignoffInput {
  roles: readonly string[];
  signers: ReadonlyMap<string, readonly string[]>;
  /** Only approvals of this environment count, when set. */
  environment?: string;
  evidence: SignoffEvidence | undefined;
  /** Roles the record claims as signed for this decision (unverified), by whom, and how. */
  claims: readonly { role: string; signedBy: string; decision: 'GO' | 'NO-GO'; at?: string }[];
}

interface Candidate {
  login: string;
  signature: Omit<VerifiedSignature, 'role'>;
}

const NOT_LOOKED_UP = { kind: 'unavailable', reason: 'GitHub was not asked' } as const;

/** Judges the decision's signatures from GitHub's reviews and run approvals. */
export function judgeGitHubSignatures(input: GitHubSignoffInput): SignoffJudgement {
  const pull = input.evidence?.pullRequest ?? NOT_LOOKED_UP;
  const runs = input.evidence?.runApprovals ?? NOT_LOOKED_UP;
  const teams = input.evidence?.teams ?? {};
  const notes: string[] = [];
  const unavailable: string[] = [];
  const candidates: Candidate[] = [];
  const refusals: SignoffJudgement['refusals'] = [];
  // Approvals and refusals by someone who may be an allowed signer (a team the token cannot read).
  const maybe: { login: string; role: string; why: string; refused?: true }[] = [];
  const consider = (login: string, approve: boolean, signature: Candidate['signature']) => {
    const { yes, unknown } = rolesOf(login, input.roles, input.signers, teams);
    if (approve) {
      if (yes.length > 0) candidates.push({ login, signature });
      else for (const u of unknown) maybe.push({ login, ...u });
    } else if (yes.length > 0) {
      refusals.push({
        signature: { ...signature, role: yes.join('/') },
        message:
          signature.source === 'review'
            ? `${login} (signer for ${yes.join(', ')}) requested changes (${signature.url})`
            : signature.source === 'file'
              ? `the record says ${login} (signer for ${yes.join(', ')}) decided NO-GO`
              : `${login} (signer for ${yes.join(', ')}) rejected the deployment of this run (${signature.environments?.join(', ')})`,
      });
    } else if (unknown[0]) {
      maybe.push({
        login,
        role: unknown[0].role,
        why: `${login} refused; ${unknown[0].why}`,
        refused: true,
      });
    }
  };

  if (pull.kind === 'ok') {
    for (const review of latestReviews(pull.value.reviews)) {
      const signature = {
        signer: review.login,
        decision: review.state === 'APPROVED' ? ('GO' as const) : ('NO-GO' as const),
        source: 'review' as const,
        url: review.url,
        ...(review.submittedAt ? { at: review.submittedAt } : {}),
      };
      if (review.state === 'CHANGES_REQUESTED') consider(review.login, false, signature);
      else if (review.state !== 'APPROVED') continue;
      else if (review.commitId !== pull.value.headSha) {
        if (rolesOf(review.login, input.roles, input.signers, teams).yes.length > 0)
          notes.push(
            `${review.login} approved commit ${short(review.commitId)}, not the head ${short(pull.value.headSha)} of #${pull.value.number}: approve again after the last push`,
          );
      } else consider(review.login, true, signature);
    }
  } else unavailable.push(`pull request reviews: ${pull.reason}`);

  if (runs.kind === 'ok') {
    for (const approval of runs.value.approvals) {
      const environments = input.environment
        ? approval.environments.filter((e) => e === input.environment)
        : approval.environments;
      if (environments.length === 0 || !['approved', 'rejected'].includes(approval.state)) continue;
      consider(approval.login, approval.state === 'approved', {
        signer: approval.login,
        decision: approval.state === 'approved' ? 'GO' : 'NO-GO',
        source: 'run-approval',
        environments,
        ...(runs.value.runUrl ? { url: runs.value.runUrl } : {}),
      });
    }
  } else unavailable.push(`run approvals: ${runs.reason}`);

  // The record's NO-GO counts though GitHub does not vouch for it: "a NO-GO from any allowed
  // signer is a NO-GO" either way of verifying (SPEC §10), and it can only hold a decision back.
  for (const claim of input.claims)
    if (claim.decision === 'NO-GO')
      consider(claim.signedBy, false, {
        signer: claim.signedBy,
        decision: 'NO-GO',
        source: 'file',
        ...(claim.at ? { at: claim.at } : {}),
      });

  // Distinct people only: the same login through a review and a run approval is one person.
  const people = candidates.filter(
    (c, i) => candidates.findIndex((o) => sameLogin(o.login, c.login)) === i,
  );
  const holder = assignRoles(
    input.roles,
    people.map((p) => rolesOf(p.login, input.roles, input.signers, teams).yes),
  );
  const states = input.roles.map((role): { role: string; state: RoleState } => {
    // A refusal that may be an allowed signer's holds the role pending even when another signed
    // it: were the team readable, it would be a NO-GO.
    const doubtfulRefusal = maybe.find((m) => m.role === role && m.refused);
    if (doubtfulRefusal) return { role, state: { kind: 'unverifiable', why: doubtfulRefusal.why } };
    const person = holder.get(role);
    if (person !== undefined)
      return { role, state: { kind: 'signed', signature: { ...people[person]!.signature, role } } };
    const doubt = maybe.find((m) => m.role === role);
    if (doubt) return { role, state: { kind: 'unverifiable', why: doubt.why } };
    const claim = input.claims.find((c) => c.role === role);
    if (claim && unavailable.length > 0)
      return {
        role,
        state: {
          kind: 'unverifiable',
          why: `the record says ${claim.signedBy} signed ${role}, but GitHub cannot vouch for it`,
        },
      };
    const busy = people.find((p) => rolesOf(p.login, [role], input.signers, teams).yes.length > 0);
    return {
      role,
      state: {
        kind: 'unsigned',
        why: busy
          ? `${busy.login} may sign ${role} but already signs another role; one person signs at most one role`
          : claim
            ? `the record names ${claim.signedBy} for ${role}, but GitHub shows no approval by an allowed signer`
            : undefined,
      },
    };
  });
  return { verifiedBy: 'github', roles: states, refusals, unavailable, notes };
}

/** Each reviewer's latest review that carries a state (comments do not change an approval). */
export function latestReviews(reviews: readonly ReviewEvidence[]): ReviewEvidence[] {
  const latest = new Map<string, ReviewEvidence>();
  for (const review of reviews) {
    if (!['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state)) continue;
    latest.set(review.login.toLowerCase(), review);
  }
  return [...latest.values()].filter((r) => r.state !== 'DISMISSED');
}

function short(sha: string | null): string {
  return sha ? sha.slice(0, 12) : 'unknown';
}
