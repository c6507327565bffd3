# Sourced by the reliability probes (r1-crash.sh, r2-smtp-outage.sh, r6-db-restart.sh): a default run of ParkFlow on a
# throw-away folder under /tmp and a free port, the load driver (Load.java), and cleanup of everything started, also
# on failure.
#
# After rl_setup NAME: RL_WORK (folder), RL_PORT, RL_BASE (http://127.0.0.1:port), RL_LOAD (java Load.java).

RL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# free_port, parkflow_start, parkflow_stop
# shellcheck source=../lib/parkflow-server.sh
source "${RL_ROOT}/scripts/lib/parkflow-server.sh"

RL_BACKGROUND_PIDS=()

rl_setup() {
  RL_WORK="$(mktemp -d "/tmp/parkflow-$1.XXXXXX")"
  RL_PORT="$(free_port)"
  RL_BASE="http://127.0.0.1:${RL_PORT}"
  RL_LOAD=(java "${RL_ROOT}/scripts/reliability/Load.java")
  trap rl_cleanup EXIT
  echo "Work folder ${RL_WORK} (logs, journal), ParkFlow on ${RL_BASE}."
}

# rl_start: builds and starts the default run (parkflow_start), waits until healthy. Settings of the application go
# in environment variables (SPRING_MAIL_HOST, ...), which pass through.
rl_start() {
  cd "${RL_ROOT}"
  parkflow_start "${RL_WORK}" "${RL_PORT}"
}

# rl_restart: starts the same build again on the same data folder (no rebuild), waits until healthy.
rl_restart() {
  PARKFLOW_LOG="${RL_WORK}/parkflow-restart.log"
  rl_launch
}

rl_launch() {
  # setsid: a process group of its own, so the cleanup stops all of it; kill -9 of the PID alone is a crash.
  setsid java -cp "${RL_WORK}/classes:$(cat "${RL_WORK}/classpath.txt")" cn.parkflow.ParkFlowApplication \
    "--parkflow.database.data-dir=${RL_WORK}/postgres" "--server.port=${RL_PORT}" \
    >"${PARKFLOW_LOG}" 2>&1 </dev/null &
  PARKFLOW_PID=$!
  rl_wait_healthy
}

rl_wait_healthy() {
  wait_healthy "ParkFlow" "${RL_BASE}/actuator/health" "${PARKFLOW_PID}" "${PARKFLOW_LOG}" 1
}

# rl_run_load SECONDS [run options]: the load (Load.java run) in the background as LOAD_PID, THREADS threads (4),
# every answer in journal.tsv.
rl_run_load() {
  local seconds="$1"
  shift
  "${RL_LOAD[@]}" run --base "${RL_BASE}" --threads "${THREADS:-4}" --seconds "${seconds}" \
    --journal "${RL_WORK}/journal.tsv" "$@" >"${RL_WORK}/load.out" 2>&1 &
  LOAD_PID=$!
  RL_BACKGROUND_PIDS+=("${LOAD_PID}")
}

# rl_settle: the jobs check (when STALL_BOUND is set), the end of the load, then the check of everything
# acknowledged; their exit statuses in JOBS_STATUS, LOAD_STATUS, CHECK_STATUS.
rl_settle() {
  JOBS_STATUS=0
  if [ -n "${STALL_BOUND:-}" ]; then
    "${RL_LOAD[@]}" jobs --base "${RL_BASE}" --bound "${STALL_BOUND}" >"${RL_WORK}/jobs.out" 2>&1 || JOBS_STATUS=$?
  fi
  LOAD_STATUS=0
  wait "${LOAD_PID}" || LOAD_STATUS=$?
  CHECK_STATUS=0
  "${RL_LOAD[@]}" check --base "${RL_BASE}" --journal "${RL_WORK}/journal.tsv" >"${RL_WORK}/check.out" 2>&1 \
    || CHECK_STATUS=$?
}

# rl_figures: the figures the load driver printed (requests, 5xx, lost, doubled, delivered once).
rl_figures() {
  local out
  for out in load jobs mail check; do
    [ -f "${RL_WORK}/${out}.out" ] || continue
    grep -h -E '^(load|jobs|mail|check|lost|doubled|delivered|not delivered|5xx)' "${RL_WORK}/${out}.out" || true
  done
}

# rl_verdict NAME STATUS...: prints NAME: PASS when every status is 0, else NAME: FAIL and exits 1.
rl_verdict() {
  local name="$1" status
  shift
  for status in "$@"; do
    if [ "${status}" -ne 0 ]; then
      echo "${name}: FAIL"
      exit 1
    fi
  done
  echo "${name}: PASS"
}

# rl_postmaster_pid: the PID of the PostgreSQL server of our data folder, checked against its command line.
rl_postmaster_pid() {
  local pidfile="${RL_WORK}/postgres/postmaster.pid" pid
  [ -f "${pidfile}" ] || return 1
  pid="$(head -1 "${pidfile}")"
  if [ -n "${pid}" ] && tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q -- "bin/postgres -D ${RL_WORK}/postgres"; then
    echo "${pid}"
  else
    return 1
  fi
}

rl_cleanup() {
  local status=$?
  parkflow_stop
  local pg
  if pg="$(rl_postmaster_pid)"; then
    echo "Stopping the PostgreSQL server ${pg} of ${RL_WORK}/postgres."
    kill -INT "${pg}" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "${pg}" 2>/dev/null || break; sleep 1; done
  fi
  for pid in "${RL_BACKGROUND_PIDS[@]}"; do
    kill "${pid}" 2>/dev/null || true
  done
  if [ "${status}" -eq 0 ]; then
    rm -rf "${RL_WORK}"
  else
    echo "Kept ${RL_WORK} for a look at the logs."
  fi
}
