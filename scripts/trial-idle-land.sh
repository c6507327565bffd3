#!/usr/bin/env bash
# Trial of idle-land-recovery on the default run (scripts/trial-idle-land.mjs): starts ParkFlow on a free port with a
# throw-away data folder, runs the trial, and stops the application again, also when anything fails.
#
#   bash scripts/trial-idle-land.sh
#
# Not part of .ci/run: it needs a browser (for the Tasklist screenshots); installs what is missing like
# scripts/e2e-project-approval.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/browser-tools.sh
source scripts/lib/browser-tools.sh
ensure_browser_tools
# shellcheck source=lib/parkflow-server.sh
source scripts/lib/parkflow-server.sh

port="${PORT:-$(free_port)}"
work="$(mktemp -d -t parkflow-idle.XXXXXX)"
cleanup() {
  parkflow_stop
  rm -rf "${work}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

parkflow_start "${work}" "${port}" "${E2E_MAVEN_ARGS:-}"
PARKFLOW_URL="${PARKFLOW_URL}" node scripts/trial-idle-land.mjs
