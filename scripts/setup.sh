#!/usr/bin/env bash
# Installs everything Inkling needs on a fresh Debian machine with Node 20: the npm packages (with
# better-sqlite3 built from source when no prebuilt binary fits) and, for the renderer's browser
# tests, Debian's Chromium when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

# The Electron binary cannot be fetched on the build machines; its npm package (types) is enough.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund
