// joint-decision.<decision>: every required role is signed GO by a distinct allowed signer,
// verified the way the policy asks (SPEC §10). A NO-GO from any allowed signer fails; a signature
// the policy refuses fails; one that cannot be verified is pending; nobody signing takes the
// policy's `unsigned` state.

import { DECISIONS, type CheckOutcome, type CheckStatus, type Decision } from '../model.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';
import { locationOf } from '../parse/parse-document.js';
import type { SignoffJudgement, VerifiedSignature } from '../signoff/signoff-types.js';

/**
 * A cutover needs a joint_decision policy (SPEC §10): without one, joint-decision.cutover fails.
 * Its kind is `gate`: a finding about the policy, not evidence, so it never counts as "something
 * was evaluated" for the fail-closed check.
 */
function missingCutoverPolicy(configPath: string): CheckOutcome {
  const summary = `${configPath} has no joint_decision policy: a runtime cutover needs a signed joint decision (add joint_decision: { path, roles, signers })`;
  return {
    id: 'joint-decision.cutover',
    kind: 'gate',
    status: 'fail',
    only: ['cutover'],
    summary,
    findings: [{ message: summary, location: { file: configPath } }],
    expected: 'a joint_decision policy',
    observed: 'none',
  };
}

/** One check per decision, each blocking only its own decision. */
export function evaluateJointDecision(context: EvaluationContext): CheckOutcome[] {
  const config = context.config.jointDecision;
  // Shards after the first carry no sign-off policy by design (restrict-to-shard.ts).
  if (!config)
    return (context.evidence.shard?.index ?? 1) > 1
      ? []
      : [missingCutoverPolicy(context.config.path)];
  const loaded = context.jointDecision!;
  const verified = context.signoff;
  return DECISIONS.map((decision): CheckOutcome => {
    const id = `joint-decision.${decision}`;
    const base = { id, kind: 'joint-decision' as const, only: [decision] };
    if (!loaded.ok || !verified)
      return loaded.ok
        ? { ...base, status: 'error', summary: 'joint decision record could not be judged' }
        : { ...base, status: loaded.status, summary: loaded.summary, findings: loaded.findings };
    const location = locationOf(config.path, loaded.document, `/decisions/${decision}`);
    const judged = describeSignoff(
      decision,
      verified[decision],
      config.unsigned[decision],
      config.path,
    );
    return {
      ...base,
      status: judged.status,
      summary: judged.summary,
      details: judged.details,
      ...(judged.status === 'pass'
        ? {}
        : {
            findings: [{ message: judged.summary, location }],
            expected: Object.fromEntries(config.roles.map((role) => [role, 'GO'])),
            observed: Object.fromEntries(
              verified[decision].roles.map(({ role, state }) => [
                role,
                state.kind === 'signed'
                  ? `${state.signature.decision} by ${state.signature.signer}`
                  : state.kind,
              ]),
            ),
          }),
    };
  });
}

/** The status and the words for one decision's signatures. */
export function describeSignoff(
  decision: Decision,
  judged: SignoffJudgement,
  unsignedState: 'fail' | 'pending',
  path: string,
): { status: CheckStatus; summary: string; details: string[] } {
  const by = (state: SignoffJudgement['roles'][number]['state']['kind']) =>
    judged.roles.filter((r) => r.state.kind === state);
  const signed = judged.roles.flatMap(({ state }) =>
    state.kind === 'signed' && state.signature.decision === 'GO' ? [state.signature] : [],
  );
  const invalid = by('invalid').map((r) => (r.state as { why: string }).why);
  const doubtful = by('unverifiable').map((r) => (r.state as { why: string }).why);
  const unsigned = by('unsigned');
  const how = judged.verifiedBy === 'github' ? ' (verified by GitHub)' : '';
  const details = [
    ...judged.refusals.map((r) => `NO-GO: ${r.message}`),
    ...invalid.map((why) => `refused signature: ${why}`),
    ...doubtful.map((why) => `cannot be verified: ${why}`),
    ...unsigned.flatMap((r) =>
      (r.state as { why?: string }).why ? [`unsigned: ${(r.state as { why: string }).why}`] : [],
    ),
    ...(signed.length ? [`signed GO${how}: ${signed.map(describeSignature).join('; ')}`] : []),
    ...judged.notes,
    ...judged.unavailable.map((why) => `not verified through GitHub: ${why}`),
  ];
  if (judged.refusals.length > 0) {
    const who = judged.refusals.map((r) => r.message).join('; ');
    return {
      status: 'fail',
      summary:
        judged.verifiedBy === 'file'
          ? `joint decision record: ${who} for ${decision}`
          : `joint decision ${decision}: ${who}`,
      details,
    };
  }
  if (invalid.length > 0)
    return {
      status: 'fail',
      summary: `joint decision record ${path}: ${invalid.join('; ')}`,
      details,
    };
  if (unsigned.length > 0 && (unsignedState === 'fail' || doubtful.length === 0)) {
    const roles = unsigned.map((r) => r.role).join(', ');
    const summary = `joint decision record ${path} is unsigned for ${decision} by ${roles}`;
    const github =
      judged.verifiedBy === 'github'
        ? [
            `${decision} signatures are verified by GitHub: an allowed signer's APPROVED review of the pull request on its head sha, or their approval of this run's deployment`,
          ]
        : [];
    return { status: unsignedState, summary, details: [...github, ...details] };
  }
  if (doubtful.length > 0) {
    const why = judged.unavailable.length ? ` (${judged.unavailable.join('; ')})` : '';
    const summary = `joint decision ${decision} signatures cannot be verified: ${doubtful.join('; ')}${why}`;
    return { status: 'pending', summary, details };
  }
  return {
    status: 'pass',
    summary: `signed GO for ${decision}${how} by ${signed.map(describeSignature).join('; ')}`,
    details: details.filter((d) => !d.startsWith('signed GO')),
  };
}

/** `role (signer, source)`: when and where the signature came from. */
export function describeSignature(signature: VerifiedSignature): string {
  const where =
    signature.source === 'file'
      ? signature.at
      : signature.source === 'review'
        ? `review ${signature.url}`
        : `approval of this run's deployment to ${signature.environments?.join(', ')}`;
  return `${signature.role} (${signature.signer}, ${where})`;
}
