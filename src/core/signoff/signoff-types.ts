// The shapes signature verification produces: per role, signed (and by whom, vouched for by
// what), unsigned, unverifiable (pending, with the reason) or invalid (a signature the policy
// refuses: a name nobody configured, a date out of range, one person for two roles).

/** A signature the gate verified, with where it came from. */
export interface VerifiedSignature {
  role: string;
  /** The signer's login (or the record's `signed_by` for file signatures). */
  signer: string;
  decision: 'GO' | 'NO-GO';
  /** `file`: the record's slot; `review`: a pull-request review; `run-approval`: an environment approval of this run. */
  source: 'file' | 'review' | 'run-approval';
  /** The review's URL, or the workflow run's URL for a run approval. */
  url?: string;
  /** ISO 8601 time it was given, when known. */
  at?: string;
  /** Run approvals: the environments approved. */
  environments?: string[];
}

/** What is known about one role's signature for one decision. */
export type RoleState =
  | { kind: 'signed'; signature: VerifiedSignature }
  | { kind: 'unsigned'; why?: string }
  | { kind: 'unverifiable'; why: string }
  | { kind: 'invalid'; why: string };

/** The verification of one decision's signatures. */
export interface SignoffJudgement {
  /** `file` or `github`, as the policy asked. */
  verifiedBy: 'file' | 'github';
  /** One entry per configured role, in the config's order. */
  roles: { role: string; state: RoleState }[];
  /** NO-GO from allowed signers (a signed NO-GO, CHANGES_REQUESTED, a rejected run approval). */
  refusals: { signature: VerifiedSignature; message: string }[];
  /** Why GitHub could not be asked, per source (no token, no pull request, a permission). */
  unavailable: string[];
  /** Further facts worth reading (dismissed reviews, approvals on an older commit, lookups that failed). */
  notes: string[];
}
