#!/usr/bin/env bash
# R1 crash: ParkFlow (default run) under load is killed with kill -9 mid-run (the Java process only, not its process
# group: the embedded PostgreSQL it leaves running is part of the test) and started once again on the same folder.
# Passes when: the one restart succeeds; every acknowledged application (201) and task completion (204) is there; no
# case, task or e-mail (outbox row) is doubled; every job that was due at the restart (those locked by the dead
# node among them) runs within STALL_BOUND seconds.
#
#   scripts/reliability/r1-crash.sh            (LOAD_SECONDS=150 KILL_AFTER=45 STALL_BOUND=60 THREADS=4)
set -euo pipefail
LOAD_SECONDS="${LOAD_SECONDS:-150}"
KILL_AFTER="${KILL_AFTER:-45}"
STALL_BOUND="${STALL_BOUND:-60}"
THREADS="${THREADS:-4}"
# shellcheck source=lib-load.sh
source "$(dirname "$0")/lib-load.sh"
rl_setup r1
rl_start

rl_run_load "${LOAD_SECONDS}"
sleep "${KILL_AFTER}"

echo "kill -9 ${PARKFLOW_PID} (ParkFlow's Java process) after ${KILL_AFTER} s of load."
LEFTOVER="none"
kill -9 "${PARKFLOW_PID}"
sleep 2
if pg="$(rl_postmaster_pid)"; then
  LEFTOVER="PostgreSQL ${pg} still running, parent PID $(ps -o ppid= -p "${pg}" | tr -d ' ')"
fi
echo "Left behind: ${LEFTOVER}."

restart_started=${SECONDS}
RESTART="failed"
if rl_restart; then
  RESTART="ok in $((SECONDS - restart_started)) s (one start)"
fi
echo "Restart: ${RESTART}."
[ "${RESTART}" != "failed" ] || exit 1

rl_settle

echo
echo "== R1 crash: summary =="
echo "kill -9 after ${KILL_AFTER} s of ${LOAD_SECONDS} s load (${THREADS} threads); left behind: ${LEFTOVER}; restart: ${RESTART}"
rl_figures
rl_verdict R1 "${LOAD_STATUS}" "${JOBS_STATUS}" "${CHECK_STATUS}"
