# Sourced by the end-to-end trials (scripts/e2e-*.sh): e2e_run SCRIPT.mjs starts the default run on a free port with a
# throw-away data folder and every background scheduler on (job executor, reminder scan, mail sender), waits for
# /actuator/health, runs the Node script against it, then stops the application, also when anything fails.
#
# Environment:
#   PORT                 port for the application (default: a free one)
#   E2E_MAVEN_ARGS       extra Maven arguments, e.g. "-o" to stay offline
#   E2E_KEEP             "true" keeps the temporary folder (data, log) for a look afterwards
#   CHROMIUM             the browser (default /usr/bin/chromium)
#   PARKFLOW_DEMO_PASSWORD  the demo users' password, if not "demo"

# shellcheck source=browser-tools.sh
source scripts/lib/browser-tools.sh
# shellcheck source=parkflow-server.sh
source scripts/lib/parkflow-server.sh

e2e_run() {
  local script="$1"
  e2e_started=${SECONDS}
  ensure_browser_tools
  e2e_port="${PORT:-$(free_port)}"
  e2e_work="$(mktemp -d -t parkflow-e2e.XXXXXX)"
  e2e_log="${e2e_work}/parkflow.log"
  e2e_app_ready=false
  e2e_check_pid=""
  trap e2e_stop EXIT
  trap 'exit 130' INT TERM

  parkflow_start "${e2e_work}" "${e2e_port}" "${E2E_MAVEN_ARGS:-}"
  e2e_app_ready=true

  # In the background and waited for, so that Ctrl-C or a TERM stops the trial (and the application) at once.
  PARKFLOW_URL="${PARKFLOW_URL}" node "${script}" &
  e2e_check_pid=$!
  wait "${e2e_check_pid}"
}

e2e_stop() {
  local status=$?
  if [ -n "${e2e_check_pid}" ] && kill -0 "${e2e_check_pid}" 2>/dev/null; then
    kill -TERM "${e2e_check_pid}" 2>/dev/null || true
  fi
  parkflow_stop
  if [ "${status}" -ne 0 ] && [ -f "${e2e_log}" ]; then
    if [ "${e2e_app_ready}" = true ]; then
      echo "--- warnings and errors in the ParkFlow log:" >&2
      grep -E '^[0-9T:.-]+Z +(WARN|ERROR) ' "${e2e_log}" | tail -n 30 >&2 || true
    else
      echo "--- last lines of the ParkFlow log:" >&2
      tail -n 40 "${e2e_log}" >&2 || true
    fi
  fi
  if [ "${E2E_KEEP:-false}" = true ]; then
    echo "Kept ${e2e_work}."
  else
    rm -rf "${e2e_work}"
  fi
  echo "e2e run time: $((SECONDS - e2e_started)) s"
}
