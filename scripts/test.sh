#!/usr/bin/env bash
# The one test command (README, and CI through .ci/run): install, build, lint, format check,
# dead-code check (knip), typecheck, unit/scenario/API tests, then browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
bash scripts/pnpm.sh install --frozen-lockfile
bash scripts/pnpm.sh -r build
bash scripts/pnpm.sh exec prettier --check . > test-results/prettier.log 2>&1 || { cat test-results/prettier.log; echo "format check failed: run pnpm format"; exit 1; }
bash scripts/pnpm.sh exec eslint .
bash scripts/pnpm.sh exec knip
bash scripts/typecheck.sh

status=0
bash scripts/pnpm.sh exec vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json || status=$?

if [ -f test/browser/vitest.config.ts ]; then
  bash scripts/ensure-chromium.sh
  bash scripts/pnpm.sh exec vitest run --config test/browser/vitest.config.ts --reporter=default --reporter=json --outputFile.json=test-results/browser.json || status=$?
fi

node scripts/test-summary.mjs test-results/unit.json test-results/browser.json
exit $status
