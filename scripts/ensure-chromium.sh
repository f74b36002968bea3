#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (playwright's own browser download cannot work here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then echo "Chromium is missing: install it with 'apt-get install -y chromium' (as root)"; exit 1; fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
