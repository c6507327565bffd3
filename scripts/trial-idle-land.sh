#!/usr/bin/env bash
# Trial of idle-land-recovery on the default run (scripts/trial-idle-land.mjs), in two runs of the same application on
# one throw-away data folder:
#   1. today: a prepared parcel is supplied to enterprise-a up to the registered title (the watch starts);
#   2. the same data a year and 15 days later: the application is started again with its clock moved forward
#      (libfaketime, FAKETIME=+380d, nothing else changed but the daily idle-land check running every 5 s instead of
#      at 01:30), the check finds the parcel idle and starts the idle-land case; branch A in Tasklist, branch B.
# Stops the application again, also when anything fails.
#
#   bash scripts/trial-idle-land.sh
#
# Not part of .ci/run: it needs a browser and libfaketime (Debian package faketime); installs what is missing like
# scripts/e2e-project-approval.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/browser-tools.sh
source scripts/lib/browser-tools.sh
ensure_browser_tools
FAKETIME_LIB="${FAKETIME_LIB:-/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1}"
if [ ! -f "${FAKETIME_LIB}" ]; then
  echo "Installing libfaketime (Debian package faketime)."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  ${sudo_cmd} apt-get install -y -q faketime >/dev/null
fi
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

export TRIAL_STATE="${work}/trial-state.json"
parkflow_start "${work}" "${port}" "${E2E_MAVEN_ARGS:-}"
PARKFLOW_URL="${PARKFLOW_URL}" node scripts/trial-idle-land.mjs supply
parkflow_stop

echo "Starting the same application on the same data 380 days later (libfaketime; it starts about five times slower)."
PARKFLOW_START_TIMEOUT=1200 LD_PRELOAD="${FAKETIME_LIB}" FAKETIME="+380d" FAKETIME_DONT_FAKE_MONOTONIC=1 \
  parkflow_run "${work}" "${port}" "--parkflow.construction-watch.check-cron=*/5 * * * * *"
PARKFLOW_URL="${PARKFLOW_URL}" node scripts/trial-idle-land.mjs year-later
