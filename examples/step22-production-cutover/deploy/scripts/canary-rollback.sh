#!/usr/bin/env bash
# Step 20 canary rollback to the last known-good image.
set -euo pipefail
echo "rolling back to ${1:?last known-good tag}"
