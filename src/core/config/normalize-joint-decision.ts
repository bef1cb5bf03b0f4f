// The joint_decision section with its defaults: roles, who may sign them, and how each decision's
// signatures are verified (SPEC §10: rehearsal from the file, cutover vouched for by GitHub).

import { DECISIONS } from '../model.js';
import type { JointDecisionConfig, SignatureSource } from './config-types.js';

type Raw = Record<string, unknown>;

const DEFAULT_VERIFY: JointDecisionConfig['verify'] = { rehearsal: 'file', cutover: 'github' };

/** Builds the typed section from a schema-valid raw value; `path` is already normalized. */
export function normalizeJointDecision(joint: Raw, path: string): JointDecisionConfig {
  const rawSigners = (joint.signers ?? {}) as Raw;
  // Own keys only: a role named `toString` must not find Object.prototype.toString.
  const signers = new Map<string, string[]>(
    Object.keys(rawSigners).map((role) => [role, [...(rawSigners[role] as string[])]]),
  );
  const roles = (joint.roles as string[] | undefined) ?? [
    ...(signers.size > 0 ? signers.keys() : ['producer', 'consumer']),
  ];
  const rawVerify = (joint.verify ?? {}) as Raw;
  const rawUnsigned = (joint.unsigned ?? {}) as Raw;
  const verify = {} as JointDecisionConfig['verify'];
  const unsigned = {} as JointDecisionConfig['unsigned'];
  for (const decision of DECISIONS) {
    verify[decision] = Object.hasOwn(rawVerify, decision)
      ? (rawVerify[decision] as SignatureSource)
      : DEFAULT_VERIFY[decision];
    unsigned[decision] = Object.hasOwn(rawUnsigned, decision)
      ? (rawUnsigned[decision] as 'fail' | 'pending')
      : 'pending';
  }
  return {
    path,
    roles,
    signers,
    verify,
    ...(typeof joint.environment === 'string' ? { environment: joint.environment } : {}),
    unsigned,
  };
}
