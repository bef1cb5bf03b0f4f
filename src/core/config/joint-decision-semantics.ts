// joint_decision checks a schema cannot say: signers only for configured roles, and every role
// with someone allowed to sign it once signers are given.

import { suggestName } from './did-you-mean.js';

type Raw = Record<string, unknown>;

/** Reports each problem at its JSON pointer. */
export function checkJointDecisionSemantics(
  joint: Raw | undefined,
  error: (pointer: string, message: string) => void,
): void {
  if (!joint || typeof joint.signers !== 'object' || joint.signers === null) return;
  const signers = joint.signers as Raw;
  const named = Object.keys(signers);
  const roles = Array.isArray(joint.roles) ? (joint.roles as string[]).map(String) : named;
  for (const role of named) {
    if (roles.includes(role)) continue;
    const suggestion = suggestName(role, roles);
    error(
      `/joint_decision/signers/${role.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      `signers for unknown role '${role}'${suggestion ? `; did you mean '${suggestion}'?` : `; joint_decision.roles are: ${roles.join(', ')}`}`,
    );
  }
  for (const role of roles) {
    if (!Object.hasOwn(signers, role))
      error(
        '/joint_decision/signers',
        `role '${role}' has no signers; list the logins (or @org/team) allowed to sign it`,
      );
  }
}
