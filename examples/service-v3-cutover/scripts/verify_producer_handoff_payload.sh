#!/usr/bin/env bash
# Producer verification: producer handoff payload. Exits non-zero on any mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/lib/verify.mjs producer-handoff-payload "$@"
