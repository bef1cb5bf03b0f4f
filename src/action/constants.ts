// Names of the Action's inputs and outputs, in one place (as in action.yml).

export const INPUTS = {
  config: 'config',
  decision: 'decision',
  modes: 'modes',
  releaseTag: 'release-tag',
  commitSha: 'commit-sha',
  serviceContractVersion: 'service-contract-version',
  apiContractVersion: 'api-contract-version',
  integrationBaseline: 'integration-baseline',
  githubToken: 'github-token',
  checkName: 'check-name',
  comment: 'comment',
  failOn: 'fail-on',
  publish: 'publish',
  evidenceDir: 'evidence-dir',
  conditionalConclusion: 'conditional-conclusion',
  workingDirectory: 'working-directory',
  shard: 'shard',
  durations: 'durations',
  aggregate: 'aggregate',
} as const;

export const OUTPUTS = {
  verdict: 'verdict',
  rehearsal: 'rehearsal',
  cutover: 'cutover',
  record: 'record',
  report: 'report',
  blockingChecks: 'blocking-checks',
  checkRunId: 'check-run-id',
  checkRunUrl: 'check-run-url',
  commentId: 'comment-id',
  commentUrl: 'comment-url',
} as const;
