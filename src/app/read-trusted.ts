// Policy files at the trusted ref (SPEC §10): git first; when the clone lacks the trusted ref's
// objects (`fetch-depth: 1`), the contents API at that sha. Never the tree's own file.

import type { TrustedRead } from '../core/evidence.js';
import type { Ports } from './ports.js';
import type { CouldNot } from '../core/outcome.js';

/**
 * The ref whose policy judges a run (SPEC §10: the event's trusted sha, or --trusted-ref), or why
 * none could be established: then nothing is read at any ref, and gate.integrity is an error
 * naming the reason, never a fallback to the tree's own policy.
 */
export type TrustedRef = { kind: 'ref'; ref: string } | CouldNot;

/**
 * A workspace-relative file at `ref`: git's answer when it has the objects (ok or missing),
 * else the lookups' `policyFileAt` answer for a full sha, else git's `unavailable` (which names
 * `fetch-depth: 0`). Both reasons are kept when both fail.
 */
export async function readTrustedFile(
  ports: Pick<Ports, 'git' | 'lookups'>,
  ref: string,
  path: string,
): Promise<TrustedRead> {
  const local = await ports.git.readFileAt(ref, path);
  if (local.kind !== 'unavailable' || !ports.lookups.policyFileAt) return local;
  if (!/^[0-9a-f]{40}$/.test(ref)) return local;
  const remote = await ports.lookups.policyFileAt(ref, path);
  if (remote.kind !== 'unavailable') return remote;
  return { kind: 'unavailable', path, reason: `${local.reason}; ${remote.reason}` };
}
