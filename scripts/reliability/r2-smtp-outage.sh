#!/usr/bin/env bash
# R2 SMTP outage: ParkFlow (default run) sends its mail to an SMTP sink (Load.java smtp-sink, which logs every
# message's Message-ID); under load the sink is stopped for SMTP_DOWN_SECONDS (default 600 = 10 minutes) and started
# again. Passes when: the API answers no 5xx meanwhile; after the sink is back every outbox row is sent and received
# exactly once (counted by Message-ID), none lost, none twice; nothing acknowledged is lost or doubled.
#
#   scripts/reliability/r2-smtp-outage.sh      (SMTP_DOWN_SECONDS=600 LOAD_BEFORE=30 LOAD_AFTER=60 MAIL_WAIT=1500)
#
# Delivery after the outage follows the outbox's back-off (parkflow.mail.retry-initial 30 s, doubled per failure
# up to retry-max 30 min), so after a 10-minute outage the last messages go out up to about 8 minutes later.
set -euo pipefail
SMTP_DOWN_SECONDS="${SMTP_DOWN_SECONDS:-600}"
LOAD_BEFORE="${LOAD_BEFORE:-30}"
LOAD_AFTER="${LOAD_AFTER:-60}"
MAIL_WAIT="${MAIL_WAIT:-1500}"
THREADS="${THREADS:-4}"
# shellcheck source=lib-load.sh
source "$(dirname "$0")/lib-load.sh"
rl_setup r2
SINK_PORT="$(free_port)"

start_sink() {
  "${RL_LOAD[@]}" smtp-sink --port "${SINK_PORT}" --log "${RL_WORK}/sink.log" >>"${RL_WORK}/sink.out" 2>&1 &
  SINK_PID=$!
  RL_BACKGROUND_PIDS+=("${SINK_PID}")
  for _ in $(seq 1 60); do
    grep -q listening "${RL_WORK}/sink.out" 2>/dev/null && return 0
    sleep 1
  done
  echo "The SMTP sink did not start." >&2
  return 1
}

start_sink
export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="${SINK_PORT}"
rl_start

LOAD_SECONDS=$((LOAD_BEFORE + SMTP_DOWN_SECONDS + LOAD_AFTER))
rl_run_load "${LOAD_SECONDS}"
sleep "${LOAD_BEFORE}"

before=$(wc -l <"${RL_WORK}/sink.log" 2>/dev/null || echo 0)
echo "Stopping the SMTP sink for ${SMTP_DOWN_SECONDS} s (${before} messages received so far)."
kill "${SINK_PID}"
wait "${SINK_PID}" 2>/dev/null || true
sleep "${SMTP_DOWN_SECONDS}"
start_sink
echo "SMTP sink back on port ${SINK_PORT}."

rl_settle
MAIL_STATUS=0
"${RL_LOAD[@]}" mail --base "${RL_BASE}" --sink-log "${RL_WORK}/sink.log" --wait "${MAIL_WAIT}" \
  >"${RL_WORK}/mail.out" 2>&1 || MAIL_STATUS=$?
after=$(($(wc -l <"${RL_WORK}/sink.log") - before))

echo
echo "== R2 SMTP outage: summary =="
echo "SMTP down ${SMTP_DOWN_SECONDS} s under load (${THREADS} threads, ${LOAD_SECONDS} s in all); messages received: ${before} before the outage, ${after} after it"
rl_figures
rl_verdict R2 "${LOAD_STATUS}" "${MAIL_STATUS}" "${CHECK_STATUS}"
