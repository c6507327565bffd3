#!/usr/bin/env bash
# End-to-end trial of project approval (project-approval) as real users do it: starts the default run on a free port
# with a throw-away data folder and every background scheduler on (job executor, reminder scan, mail sender), waits
# for /actuator/health, runs scripts/e2e-project-approval.mjs (HTTP for the enterprise, Tasklist and Cockpit in
# headless Chromium for the clerks and the supervisor), then stops the application, also when anything fails.
#
#   bash scripts/e2e-project-approval.sh
#
# Not part of .ci/run: it needs a browser. Like scripts/browser-check.sh it installs what is missing (as root or with
# sudo): Debian's chromium, a CJK font and the npm devDependencies; it never downloads a browser through Playwright.
# Screenshots land in docs/screenshots/e2e-*.png.
#
# The application runs from a private copy of the compiled classes (target/classes copied into the temporary folder,
# dependencies from Maven's classpath), so a rebuild in the working tree while the trial runs cannot pull classes
# from under it. That is the same application and configuration as `mvn spring-boot:run`.
# Environment:
#   PORT                 port for the application (default: a free one)
#   E2E_MAVEN_ARGS       extra Maven arguments, e.g. "-o" to stay offline
#   E2E_KEEP             "true" keeps the temporary folder (data, log) for a look afterwards
#   CHROMIUM             the browser (default /usr/bin/chromium)
#   PARKFLOW_DEMO_PASSWORD  the demo users' password, if not "demo"
#   E2E_SCRIPT           the trial to run (default scripts/e2e-project-approval.mjs; scripts/e2e-land-supply.sh
#                        runs scripts/e2e-land-supply.mjs this way)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
started=${SECONDS}

# shellcheck source=lib/browser-tools.sh
source scripts/lib/browser-tools.sh
ensure_browser_tools

# shellcheck source=lib/parkflow-server.sh
source scripts/lib/parkflow-server.sh

port="${PORT:-$(free_port)}"
work="$(mktemp -d -t parkflow-e2e.XXXXXX)"
log="${work}/parkflow.log"
app_ready=false
check_pid=""

stop_app() {
  local status=$?
  if [ -n "${check_pid}" ] && kill -0 "${check_pid}" 2>/dev/null; then
    kill -TERM "${check_pid}" 2>/dev/null || true
  fi
  parkflow_stop
  if [ "${status}" -ne 0 ] && [ -f "${log}" ]; then
    if [ "${app_ready}" = true ]; then
      echo "--- warnings and errors in the ParkFlow log:" >&2
      grep -E '^[0-9T:.-]+Z +(WARN|ERROR) ' "${log}" | tail -n 30 >&2 || true
    else
      echo "--- last lines of the ParkFlow log:" >&2
      tail -n 40 "${log}" >&2 || true
    fi
  fi
  if [ "${E2E_KEEP:-false}" = true ]; then
    echo "Kept ${work}."
  else
    rm -rf "${work}"
  fi
  echo "e2e run time: $((SECONDS - started)) s"
}
trap stop_app EXIT
trap 'exit 130' INT TERM

parkflow_start "${work}" "${port}" "${E2E_MAVEN_ARGS:-}"
app_ready=true

# In the background and waited for, so that Ctrl-C or a TERM stops the trial (and the application) at once.
PARKFLOW_URL="${PARKFLOW_URL}" node "${E2E_SCRIPT:-scripts/e2e-project-approval.mjs}" &
check_pid=$!
wait "${check_pid}"
