#!/usr/bin/env bash
# R4 bad input (reliability suite, not part of `mvn verify`): starts the default run on a throw-away data folder and
# sends it a generated corpus of malformed requests over every /api endpoint and task completion
# (scripts/reliability/BadInput.java). Passes when no answer is 5xx, every 400 names its field and nothing was
# created or recorded. Prints a summary; exits non-zero on a failed check. The work folder (with the log) is kept
# when a check fails.
#
#   scripts/reliability/r4-bad-input.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib/parkflow-server.sh
. scripts/lib/parkflow-server.sh

work="$(mktemp -d /tmp/parkflow-r4.XXXXXX)"
status=1
finish() {
  parkflow_stop
  if [ "${status}" -eq 0 ]; then
    rm -rf "${work}"
  else
    echo "R4: kept ${work} (application log: ${work}/parkflow.log)." >&2
  fi
}
trap finish EXIT

port="$(free_port)"
parkflow_start "${work}" "${port}"
set +e
java scripts/reliability/BadInput.java "http://127.0.0.1:${port}" | tee "${work}/r4-summary.txt"
status=${PIPESTATUS[0]}
set -e
errors="$(grep -c ' ERROR ' "${PARKFLOW_LOG}" || true)"
echo "Application log: ${errors} ERROR lines."
exit "${status}"
