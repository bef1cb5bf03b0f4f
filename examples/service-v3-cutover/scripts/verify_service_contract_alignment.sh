#!/usr/bin/env bash
# Producer verification: service contract alignment. Exits non-zero on any mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/lib/verify.mjs service-contract-alignment "$@"
