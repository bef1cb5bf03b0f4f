// Who may sign a role: logins compared case-insensitively (as GitHub does), `@org/team` entries
// through the team members looked up. Unknown membership is its own answer, never a yes.

import type { LookupResult } from '../evidence.js';

/** Whether a person may sign a role. */
export type Membership = { kind: 'yes' } | { kind: 'no' } | { kind: 'unknown'; why: string };

/** Same login, ignoring case. */
export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Is `login` one of `entries` (logins and `@org/team`), given the teams' members? */
export function checkSigner(
  login: string,
  entries: readonly string[],
  teams: Readonly<Record<string, LookupResult<string[]>>>,
): Membership {
  let unknown: string | undefined;
  for (const entry of entries) {
    if (!entry.startsWith('@')) {
      if (sameLogin(entry, login)) return { kind: 'yes' };
      continue;
    }
    const members = Object.hasOwn(teams, entry) ? teams[entry] : undefined;
    if (members?.kind === 'ok') {
      if (members.value.some((member) => sameLogin(member, login))) return { kind: 'yes' };
    } else {
      unknown ??= `membership of ${entry} cannot be read (${members?.reason ?? 'not looked up'})`;
    }
  }
  return unknown ? { kind: 'unknown', why: unknown } : { kind: 'no' };
}

/** The roles `login` may sign, and those that depend on a team that could not be read. */
export function rolesOf(
  login: string,
  roles: readonly string[],
  signers: ReadonlyMap<string, readonly string[]>,
  teams: Readonly<Record<string, LookupResult<string[]>>>,
): { yes: string[]; unknown: { role: string; why: string }[] } {
  const yes: string[] = [];
  const unknown: { role: string; why: string }[] = [];
  for (const role of roles) {
    const membership = checkSigner(login, signers.get(role) ?? [], teams);
    if (membership.kind === 'yes') yes.push(role);
    else if (membership.kind === 'unknown') unknown.push({ role, why: membership.why });
  }
  return { yes, unknown };
}

/**
 * Assigns distinct people to roles (one person, one role) covering as many roles as possible:
 * `people[i]` lists the roles person i may sign. Returns role → person index (bipartite matching).
 */
export function assignRoles(
  roles: readonly string[],
  people: readonly string[][],
): Map<string, number> {
  const holder = new Map<string, number>();
  const tryPerson = (person: number, seen: Set<string>): boolean => {
    for (const role of people[person] ?? []) {
      if (!roles.includes(role) || seen.has(role)) continue;
      seen.add(role);
      const current = holder.get(role);
      if (current === undefined || tryPerson(current, seen)) {
        holder.set(role, person);
        return true;
      }
    }
    return false;
  };
  people.forEach((_, person) => tryPerson(person, new Set()));
  return holder;
}
