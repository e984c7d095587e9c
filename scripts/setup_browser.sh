#!/usr/bin/env bash
# Install what the playground's browser test needs: Debian's Chromium and ChromeDriver, and the
# selenium Python bindings in the project's venv. Idempotent: does nothing when all are present.
# Usage: scripts/setup_browser.sh [PYTHON]   (default: .venv/bin/python beside this script)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${1:-.venv/bin/python}"

if ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }; then
    if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
        echo "setup_browser.sh: chromium/chromedriver missing and not root; run: apt-get install -y chromium chromium-driver" >&2
        exit 1
    fi
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

if ! "$PY" -c "import selenium" 2>/dev/null; then
    "$PY" -m pip install -q "selenium>=4.20"
fi
echo "browser ready: $(chromium --version 2>/dev/null | head -1); $(chromedriver --version 2>/dev/null | head -1)"
