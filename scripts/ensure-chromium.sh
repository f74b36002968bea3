#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (playwright's own browser download cannot work here), with a
# Chinese font so zh-CN screenshots show text rather than empty boxes.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then echo "missing for browser tests: ${missing[*]} (install with apt-get as root)"; exit 1; fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
