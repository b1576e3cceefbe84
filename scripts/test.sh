#!/usr/bin/env bash
# The one command that installs everything and runs every test (CI runs exactly this).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npm ci --no-audit --no-fund
npm test
