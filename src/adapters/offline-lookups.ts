// Lookups when there is no GitHub API access: every answer is "unavailable" with the reason, so
// the checks that need them are pending, never a silent pass.

import type { LookupsPort } from '../app/ports.js';

/** Lookups that explain why they could not be made. */
export function createOfflineLookups(reason: string): LookupsPort {
  return {
    incidents: async () => ({ kind: 'unavailable', reason }),
    consumerCheck: async () => ({ kind: 'unavailable', reason }),
    policyFileAt: async (_sha, path) => ({ kind: 'unavailable', path, reason }),
    signoff: async ({ teams }) => ({
      pullRequest: { kind: 'unavailable', reason },
      runApprovals: { kind: 'unavailable', reason },
      teams: Object.fromEntries(teams.map((team) => [team, { kind: 'unavailable', reason }])),
    }),
  };
}
