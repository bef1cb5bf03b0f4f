// Protected checks (SPEC §2, §10): the checks that keep a change from approving itself. No config
// may waive or unblock them; a wildcard waiver or policy never reaches them.

/** Check ids no config may waive, unblock or un-abort. */
export const PROTECTED_CHECKS: readonly string[] = [
  'gate.integrity',
  'gate.evaluated',
  'commands.executed',
  'git.release-tag',
  'joint-decision.cutover',
];

/** True for a protected check id. */
export function isProtectedCheck(id: string): boolean {
  return PROTECTED_CHECKS.includes(id);
}
