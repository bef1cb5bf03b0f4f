#!/usr/bin/env bash
# Step 22 production cutover preflight: non-destructive prerequisite checks, fail fast.
# Never mutates anything: the compose gate only renders the config (`docker compose ... config`).
set -uo pipefail
cd "$(dirname "$0")/../.."

passed=0
failed=0
check() { # check <description> <command...>
  local description=$1; shift
  if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); echo "ok   $description"
  else failed=$((failed + 1)); echo "FAIL $description"; fi
}

# Tooling
for tool in bash node git; do check "tool on PATH: $tool" command -v "$tool"; done

# Step 20/21/22 source-of-truth files
for path in \
  .github/workflows/step20-canary-rollback.yml \
  deploy/scripts/canary-deploy.sh \
  deploy/scripts/canary-rollback.sh \
  docs/operations/handover-operations-manual.md \
  docs/operations/incident-and-rollback-playbook.md \
  docs/acceptance/step20-release-rollback-report.md \
  docs/acceptance/step21-handover-report.md \
  docs/operations/production-cutover-runbook.md \
  docs/acceptance/step22-production-cutover-closeout.md; do
  check "path exists: $path" test -f "$path"
done

# Non-destructive compose gate: render only, never up/down/rm.
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  check "compose config renders" docker compose -f deploy/docker-compose.yml config -q
else
  check "compose file present (docker compose unavailable: render skipped)" test -s deploy/docker-compose.yml
fi

# Command gate readiness: package.json declares build and test scripts.
check "package.json has build and test scripts" node -e '
  const s = require("./package.json").scripts || {};
  process.exit(s.build && s.test ? 0 : 1);'

echo "preflight: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
