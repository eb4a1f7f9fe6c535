#!/usr/bin/env bash
# Install what the browser test (tests/e2e/test_browser.py) needs; safe to run again.
#   - Debian's chromium at /usr/bin/chromium (apt-get, as root or through sudo)
#   - the Python playwright package in the project's virtualenv. It drives the system
#     chromium; it never downloads a browser of its own (no `playwright install`).
# Usage: scripts/setup-browser.sh [path/to/python]   (default: .venv/bin/python, else python3)
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON="${1:-}"
if [[ -z "$PYTHON" ]]; then
  if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi

if [[ ! -x /usr/bin/chromium ]]; then
  echo "setup-browser: installing Debian's chromium" >&2
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null >&2 || { echo "setup-browser: chromium does not run" >&2; exit 1; }

# Never let playwright fetch browsers, whatever installs it.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if ! "$PYTHON" -c "import playwright.sync_api" 2>/dev/null; then
  echo "setup-browser: installing the playwright Python package" >&2
  "$PYTHON" -m pip install -q "playwright>=1.45"
fi
"$PYTHON" - <<'PY'
from playwright.sync_api import sync_playwright
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"])
    page = b.new_page()
    page.set_content("<p id=x>ok</p>")
    assert page.inner_text("#x") == "ok"
    b.close()
print("setup-browser: playwright drives /usr/bin/chromium")
PY
