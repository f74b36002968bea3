#!/usr/bin/env bash
# The one start command (README): install, build, run the server with the designer on the
# embedded SQLite store (./data), default policy pack loaded. Prints the URL and how to sign in.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/pnpm.sh install --frozen-lockfile
bash scripts/pnpm.sh -r build
exec node packages/server/dist/main.js
