#!/usr/bin/env bash
# Type-checks every package and the root (tests, benches, scripts).
set -euo pipefail
cd "$(dirname "$0")/.."
for project in packages/engine packages/contract packages/server packages/designer test/browser .; do
  if [ -f "$project/tsconfig.json" ]; then bash scripts/pnpm.sh exec tsc -p "$project/tsconfig.json" --noEmit; fi
done
