#!/usr/bin/env bash
# Producer verification: contract parity. Exits non-zero on any mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/lib/verify.mjs contract-parity "$@"
