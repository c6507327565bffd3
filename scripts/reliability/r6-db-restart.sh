#!/usr/bin/env bash
# R6 database restart: under load, the PostgreSQL server of ParkFlow's default run is stopped (fast shutdown, SIGINT
# to the postmaster of the data folder) for DB_DOWN_SECONDS and started again with the same command line; ParkFlow
# itself is not restarted. Passes when: while the database is down, /api and /engine-rest answer 503
# application/problem+json with Retry-After (not 500, not a hang: no request of the load takes longer than
# MAX_REQUEST_SECONDS); afterwards ParkFlow (the same process) works again; every acknowledged application (201) and
# completion (204) is there and nothing is doubled; the jobs due after the restart run within STALL_BOUND seconds.
#
#   scripts/reliability/r6-db-restart.sh       (DB_DOWN_SECONDS=30 LOAD_BEFORE=30 LOAD_AFTER=60 THREADS=4)
set -euo pipefail
DB_DOWN_SECONDS="${DB_DOWN_SECONDS:-30}"
LOAD_BEFORE="${LOAD_BEFORE:-30}"
LOAD_AFTER="${LOAD_AFTER:-60}"
MAX_REQUEST_SECONDS="${MAX_REQUEST_SECONDS:-20}"
STALL_BOUND="${STALL_BOUND:-60}"
THREADS="${THREADS:-4}"
# shellcheck source=lib-load.sh
source "$(dirname "$0")/lib-load.sh"
rl_setup r6
rl_start
APP_PID="${PARKFLOW_PID}"

LOAD_SECONDS=$((LOAD_BEFORE + DB_DOWN_SECONDS + LOAD_AFTER))
rl_run_load "${LOAD_SECONDS}" --max-seconds-per-request "${MAX_REQUEST_SECONDS}"
sleep "${LOAD_BEFORE}"

PG_PID="$(rl_postmaster_pid)"
mapfile -d '' PG_CMD <"/proc/${PG_PID}/cmdline"
echo "Stopping PostgreSQL ${PG_PID} (fast shutdown) for ${DB_DOWN_SECONDS} s."
down_at=${SECONDS}
kill -INT "${PG_PID}"
for _ in $(seq 1 60); do kill -0 "${PG_PID}" 2>/dev/null || break; sleep 1; done

# What a caller sees while the database is down.
PROBES=()
PROBE_STATUS=0
probe() {
  local path="$1" user="$2" answer type retry
  answer="$(curl -s -o "${RL_WORK}/probe.body" -D "${RL_WORK}/probe.headers" -w '%{http_code} %{time_total}' \
    --max-time 60 -u "${user}:${PARKFLOW_DEMO_PASSWORD:-demo}" "${RL_BASE}${path}" || echo "000 timeout")"
  type="$(grep -i '^content-type:' "${RL_WORK}/probe.headers" | tr -d '\r' | cut -d' ' -f2- || true)"
  retry="$(grep -i '^retry-after:' "${RL_WORK}/probe.headers" | tr -d '\r' | cut -d' ' -f2- || true)"
  PROBES+=("GET ${path} as ${user}: HTTP ${answer%% *} in ${answer##* } s, ${type:-no type}, Retry-After ${retry:-none}, $(head -c 200 "${RL_WORK}/probe.body")")
  if [ "${answer%% *}" != "503" ] || [[ "${type}" != application/problem+json* ]] || [ -z "${retry}" ]; then
    PROBE_STATUS=1
  fi
}
probe /api/projects enterprise-a
probe /engine-rest/task admin
probe "/engine-rest/process-definition/key/project-approval" drc-clerk

remaining=$((DB_DOWN_SECONDS - (SECONDS - down_at)))
[ "${remaining}" -le 0 ] || sleep "${remaining}"
echo "Starting PostgreSQL again: ${PG_CMD[*]}"
# as the embedded server's owner starts it: in a user namespace of its own (PostgreSQL refuses to run as root)
setsid unshare -U "${PG_CMD[@]}" >>"${RL_WORK}/postgres-restart.log" 2>&1 </dev/null &
for _ in $(seq 1 60); do rl_postmaster_pid >/dev/null && break; sleep 1; done
echo "PostgreSQL back as $(rl_postmaster_pid || echo 'NOT RUNNING') after $((SECONDS - down_at)) s."

recovered_at=""
for _ in $(seq 1 120); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -u "enterprise-a:${PARKFLOW_DEMO_PASSWORD:-demo}" \
    "${RL_BASE}/api/projects")" = "200" ]; then
    recovered_at=$((SECONDS - down_at))
    break
  fi
  sleep 1
done
rl_settle
SAME_PROCESS="yes"
kill -0 "${APP_PID}" 2>/dev/null && [ "${PARKFLOW_PID}" = "${APP_PID}" ] || SAME_PROCESS="no"

echo
echo "== R6 database restart: summary =="
echo "PostgreSQL down ${DB_DOWN_SECONDS} s under load (${THREADS} threads, ${LOAD_SECONDS} s in all)"
printf '%s\n' "${PROBES[@]}"
echo "ParkFlow answered 200 again ${recovered_at:-never} s after the stop, same process (no restart): ${SAME_PROCESS}"
rl_figures
RECOVERED=$([ -n "${recovered_at}" ] && [ "${SAME_PROCESS}" = "yes" ] && echo 0 || echo 1)
rl_verdict R6 "${PROBE_STATUS}" "${RECOVERED}" "${LOAD_STATUS}" "${JOBS_STATUS}" "${CHECK_STATUS}"
