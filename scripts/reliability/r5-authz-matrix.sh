#!/usr/bin/env bash
# Reliability probe R5 (issue 7): the authorization matrix. Starts the default run on a throw-away data folder and a
# free port, then scripts/reliability/r5-authz-matrix.mjs creates two cases (enterprise-a, enterprise-b), takes the
# first past intake so several departments share it, and asks every demo user of the contract × every endpoint
# family of /engine-rest, the webapps' engine API and /api, against the contract's rules. It prints the number of
# checks, leaks and wrong answers per family and exits non-zero on any. The application is stopped at the end, also
# on failure. Only 127.0.0.1 is used. Not part of `mvn verify`.
#
#   scripts/reliability/r5-authz-matrix.sh
#
# Environment:
#   PORT            port for the application (default: a free one)
#   R5_PARALLEL     users probed at once (default 4)
#   R5_MAVEN_ARGS   extra Maven arguments, e.g. "-o"
#   R5_KEEP         "true" keeps the temporary folder (log, data) for a look afterwards
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# shellcheck source=../lib/parkflow-server.sh
source scripts/lib/parkflow-server.sh

port="${PORT:-$(free_port)}"
work="$(mktemp -d -t parkflow-r5.XXXXXX)"

stop_app() {
  local status=$?
  parkflow_stop
  if [ "${status}" -ne 0 ] && [ -f "${work}/parkflow.log" ]; then
    echo "--- warnings and errors in the ParkFlow log:" >&2
    grep -E '(WARN|ERROR) ' "${work}/parkflow.log" | tail -n 20 >&2 || true
  fi
  if [ "${R5_KEEP:-false}" = "true" ]; then
    echo "Kept ${work}."
  else
    rm -rf "${work}"
  fi
  exit "${status}"
}
trap stop_app EXIT INT TERM

parkflow_start "${work}" "${port}" "${R5_MAVEN_ARGS:-}"
PARKFLOW_URL="http://127.0.0.1:${port}" node scripts/reliability/r5-authz-matrix.mjs
