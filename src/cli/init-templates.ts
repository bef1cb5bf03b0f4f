// The starter files `cutover-checkpoint init` writes: a config that validates as-is and documents
// its own options, and a workflow with explicit permissions.

export const STARTER_CONFIG = `# cutover-checkpoint gate. Schema: schemas/checkpoint-config.schema.json
# yaml-language-server: $schema=https://cutover-checkpoint.dev/schemas/checkpoint-config.schema.json
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

# joint_decision:
#   path: docs/JOINT_DECISION_RECORD.json
#   roles: [producer, consumer]
#   signers: { producer: [producer-login], consumer: ["@your-org/consumer-release"] }
#   verify: { rehearsal: file, cutover: github }   # cutover: approvals of the PR on its head sha
#   unsigned: { rehearsal: pending, cutover: fail }
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
