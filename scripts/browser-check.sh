#!/usr/bin/env bash
# Browser check of the Chinese webapps, end to end: starts the default run (see lib/parkflow-server.sh) on a free port
# with a throw-away data folder, waits for /actuator/health, runs scripts/browser-check.mjs in headless Chromium,
# then stops the application and removes the data folder.
#
#   bash scripts/browser-check.sh
#
# Not part of .ci/run: it needs a browser. It installs what is missing (as root or with sudo): Debian's chromium,
# a CJK font (fonts-noto-cjk, so the screenshots show Chinese and not boxes), and the npm devDependencies
# (playwright-core, from package-lock.json). It never downloads a browser through Playwright.
# Screenshots land in docs/screenshots/. Environment:
#   PORT                      port for the application (default: a free one)
#   BROWSER_CHECK_MAVEN_ARGS  extra Maven arguments, e.g. "-o" to stay offline
#   CHROMIUM                  the browser (default /usr/bin/chromium)
#   PARKFLOW_DEMO_PASSWORD    the demo users' password, if not "demo"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/browser-tools.sh
source scripts/lib/browser-tools.sh
ensure_browser_tools

# shellcheck source=lib/parkflow-server.sh
source scripts/lib/parkflow-server.sh

port="${PORT:-$(free_port)}"
work="$(mktemp -d -t parkflow-browser-check.XXXXXX)"

cleanup() {
  local status=$?
  parkflow_stop
  if [ "${status}" -ne 0 ] && [ -f "${work}/parkflow.log" ]; then
    echo "--- last lines of the ParkFlow log:" >&2
    tail -n 40 "${work}/parkflow.log" >&2 || true
  fi
  rm -rf "${work}"
}
trap cleanup EXIT

parkflow_start "${work}" "${port}" "${BROWSER_CHECK_MAVEN_ARGS:-}"

PARKFLOW_URL="${PARKFLOW_URL}" node scripts/browser-check.mjs
