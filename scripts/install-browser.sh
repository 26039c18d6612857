#!/usr/bin/env bash
# Installs what the browser tests need, from Debian's packages: Chromium (Playwright drives
# it; it never downloads a browser of its own) and Noto fonts for Arabic rendering.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Naskh Arabic"; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Error: the browser tests need Debian's chromium and fonts-noto-core; install them as root:" >&2
    echo "  apt-get update && apt-get install -y chromium fonts-noto-core" >&2
    exit 1
  fi
fi
echo "Installing chromium and fonts-noto-core (Debian packages) for the browser tests..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  chromium fonts-noto-core >/dev/null
