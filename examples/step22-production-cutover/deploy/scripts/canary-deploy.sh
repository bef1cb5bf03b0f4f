#!/usr/bin/env bash
# Step 20 canary deploy (production mutation; run only by the release manager at T0).
set -euo pipefail
echo "canary deploy of ${1:?image tag} to ${2:-5}% of traffic"
