// The starter files `cutover-checkpoint init` writes: a config that validates as-is and documents
// its own options (with a schema line editors follow), and a workflow with explicit permissions.

// The released version, so the editor's schema URL is the schema of the gate the user runs
// (the bundler injects it; in-process tests have no bundler).
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.1.0';

/** The raw URL of the config schema in this repository at the released tag. */
export const CONFIG_SCHEMA_URL = `https://raw.githubusercontent.com/cutover-checkpoint/cutover-checkpoint/v${VERSION}/schemas/checkpoint-config.schema.json`;

export const STARTER_CONFIG = `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}
# cutover-checkpoint gate: what must hold before a rehearsal and a runtime cutover.
version: 1
gate:
  name: my-service-cutover
  version: "1"

# The baseline lock: values that must not move during the checkpoint.
baseline:
  release_tag: v0.1.0
  # commit_sha: <40 hex>
  # service_contract_version: service.v1
  # api_contract_version: api.v1
  # integration_baseline: integration/v1

artifacts: []
#  - id: manifest
#    path: contracts/producer-contract-manifest.json
#    schema: builtin:producer-manifest
#  - id: payload
#    path: docs/PRODUCER_RELEASE_HANDOFF_LATEST.json
#    schema: builtin:handoff-payload

# handoff:
#   manifest: manifest
#   payload: payload
#   modes: [stable]

documents:
  - id: readme
    path: README.md

commands:
  - id: tests
    run: npm test
    reports_tests: true

# Who signs the decisions. Until the record exists both decisions are NO-GO; while it is unsigned
# the rehearsal is pending (CONDITIONAL) and the cutover NO-GO. Write the record with
# \`cutover-checkpoint schema joint-decision\` as its shape; replace the logins with yours.
joint_decision:
  path: docs/JOINT_DECISION_RECORD.json
  roles: [producer, consumer]
  signers: { producer: [producer-login], consumer: [consumer-login] }
  verify: { rehearsal: file, cutover: github } # cutover: approvals of the PR on its head sha
  unsigned: { rehearsal: pending, cutover: fail }
`;

export const STARTER_WORKFLOW = `name: Cutover checkpoint
on:
  pull_request:
  push:
    branches: [main]
  workflow_dispatch:
    inputs:
      decision:
        description: rehearsal or cutover
        default: rehearsal
permissions:
  contents: read
  checks: write
  pull-requests: write
jobs:
  checkpoint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the release tag must be present
      - uses: cutover-checkpoint/cutover-checkpoint@v0 # pin by sha in production
        with:
          decision: \${{ inputs.decision || 'rehearsal' }}
`;
