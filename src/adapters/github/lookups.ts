// Lookups through the API: open incidents by label, the consumer's check at its pinned ref, and
// the joint decision's signatures (signoff-lookups.ts).
// When the token cannot see them the answer is `unavailable` with the reason (the check is pending).

import type { LookupsPort } from '../../app/ports.js';
import type { LookupResult } from '../../core/evidence.js';
import { answerId, answerList, answerObject, answerString } from './answer-shape.js';
import { describeUnreadable } from './api-errors.js';
import type { GitHubClient } from './octokit.js';
import { createPolicySource } from './policy-source.js';
import { createSignoffLookup, type SignoffSubject } from './signoff-lookups.js';

/**
 * Lookups for `defaultRepository` (owner/repo) through `client`; `subject` is what the run is about;
 * `pathPrefix` is the working directory inside the repository ('' or ending in '/'), for policy files.
 */
export function createApiLookups(
  client: GitHubClient,
  defaultRepository: string,
  subject: SignoffSubject,
  pathPrefix = '',
): LookupsPort {
  const split = (full: string) => {
    const [owner, repo] = full.split('/');
    return { owner: owner!, repo: repo! };
  };
  const unavailable = (what: string, error: unknown): LookupResult<never> => ({
    kind: 'unavailable',
    reason: describeUnreadable(
      what,
      'grant read access, e.g. `issues: read` / `checks: read`, or a token for that repository',
      error,
    ),
  });
  return {
    signoff: createSignoffLookup(client, split(defaultRepository), subject),
    policyFileAt: createPolicySource(client, split(defaultRepository), pathPrefix),
    async incidents(config) {
      const repository = split(config.repository ?? defaultRepository);
      try {
        const open = new Map<
          number,
          { number: number; title: string; url: string; labels: string[] }
        >();
        // `labels=a,b` means both; incidents carry any one of them, so ask per label.
        for (const label of config.labels) {
          const issues = await client.paginate(client.rest.issues.listForRepo, {
            ...repository,
            state: 'open',
            labels: label,
            per_page: 100,
          });
          const what = `the open issues labelled '${label}'`;
          for (const listed of answerList(issues, what)) {
            const issue = answerObject(listed, what);
            if (issue.pull_request) continue;
            const number = answerId(issue, 'number', what);
            open.set(number, {
              number,
              title: answerString(issue, 'title', what),
              url: answerString(issue, 'html_url', what),
              labels: answerList(issue.labels, what).map((l) =>
                typeof l === 'string' ? l : String(answerObject(l, what).name ?? ''),
              ),
            });
          }
        }
        return {
          kind: 'ok',
          value: { open: [...open.values()].sort((a, b) => a.number - b.number) },
        };
      } catch (error) {
        return unavailable(`issues of ${repository.owner}/${repository.repo}`, error);
      }
    },
    async consumerCheck(config) {
      const repository = split(config.repository!);
      try {
        const { data } = await client.rest.checks.listForRef({
          ...repository,
          ref: config.ref ?? 'HEAD',
          check_name: config.checkName,
          filter: 'latest',
          per_page: 1,
        });
        const what = `the check runs named '${config.checkName}'`;
        const listed = answerList(answerObject(data, what).check_runs, what)[0];
        const run = listed === undefined ? undefined : answerObject(listed, what);
        if (!run)
          return {
            kind: 'unavailable',
            reason: `no check named '${config.checkName}' on ${config.repository}@${config.ref ?? 'HEAD'}`,
          };
        return {
          kind: 'ok',
          value: {
            status: answerString(run, 'status', what),
            conclusion: typeof run.conclusion === 'string' ? run.conclusion : null,
            url: typeof run.html_url === 'string' ? run.html_url : undefined,
          },
        };
      } catch (error) {
        return unavailable(`check runs of ${repository.owner}/${repository.repo}`, error);
      }
    },
  };
}
