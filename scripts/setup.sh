#!/usr/bin/env bash
# Everything a fresh machine needs: dcmtk (real peers for the interop tests),
# Debian's chromium (browser tests), then the npm packages (`npm ci` builds dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v storescu >/dev/null 2>&1 || missing+=(dcmtk)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
npm ci --no-audit --no-fund
