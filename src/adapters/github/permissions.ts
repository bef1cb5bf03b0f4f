// Missing permissions are expected (fork PRs, a workflow without `checks: write`): each is noted
// while publishing and reported once at the end, naming every permission, instead of one warning
// per failed request.

/** Collects what the token was not allowed to do. */
export interface PermissionProblems {
  /** Notes that `what` (e.g. "create the check run") needs `permission` (e.g. "checks: write"). */
  note(what: string, permission: string): void;
  /** One warning naming every missing permission, or undefined when none was missing. */
  describe(fork: boolean): string | undefined;
}

/** An empty collection. */
export function createPermissionProblems(): PermissionProblems {
  const problems = new Map<string, string>();
  return {
    note: (what, permission) => void problems.set(what, permission),
    describe(fork) {
      if (problems.size === 0) return undefined;
      const what = [...problems]
        .map(([action, permission]) => `${action} (needs \`${permission}\`)`)
        .join(' and ');
      const forkNote = fork ? ' On pull requests from forks the token is read-only.' : '';
      return `cutover-checkpoint could not ${what}: the token is not allowed to.${forkNote} Add the permission to the workflow's \`permissions:\` block. The verdict, outputs and job summary are unaffected.`;
    },
  };
}
