#!/usr/bin/env bash
# Reliability probe R3 (issue 7): two ParkFlow processes on one PostgreSQL, R3_CASES deemed-acceptance timers and
# yellow reminders due within about a minute; each timer fires exactly once and each reminder is queued once.
#
#   scripts/reliability/r3-two-nodes.sh
#
# Node A is the default run (embedded PostgreSQL on a throw-away data folder, on a fixed free port); node B uses that
# database as an external one (parkflow.database.embedded=false, spring.datasource.url). Both run the job executor
# and the reminder scan. History level "full" keeps the job log (ACT_HI_JOB_LOG), and each engine has its own
# hostname, so the log tells which node ran which job. The intake review's limit is R3_DEADLINE (PT120S: creating
# 1,000 cases takes about 70-100 s on the shared 2-core machine, so every case exists before the first timer is due
# and all timers fall due within about a minute of each other) and a task turns yellow R3_BEFORE_DUE (PT110S) before
# it, ten seconds after it opens. The yellow window must be longer than one reminder scan pass over all open tasks
# (about a minute for 1,000 tasks on that machine), or tasks can end without a reminder: with PT60S/PT50S, 20 of
# 1,000 did.
# scripts/reliability/TwoNodes.java applies through both nodes' API, waits and checks everything in SQL; it prints a
# summary and exits non-zero when a check fails. Both nodes and the database are stopped at the end, also on failure.
# Only 127.0.0.1 is used. Not part of `mvn verify`.
#
# Environment:
#   R3_CASES        cases to create (default 1000)
#   R3_PARALLEL     applications in flight at once (default 8)
#   R3_DEADLINE     intake review limit, ISO-8601 (default PT120S)
#   R3_BEFORE_DUE   yellow this long before the due date (default PT110S)
#   R3_SCAN         reminder scan interval (default PT5S)
#   R3_WAIT         seconds to wait for all timers after the last case is created (default 900)
#   R3_MAVEN_ARGS   extra Maven arguments, e.g. "-o"
#   R3_KEEP         "true" keeps the temporary folder (logs, data) for a look afterwards
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# shellcheck source=../lib/parkflow-server.sh
source scripts/lib/parkflow-server.sh

cases="${R3_CASES:-1000}"
parallel="${R3_PARALLEL:-8}"
work="$(mktemp -d -t parkflow-r3.XXXXXX)"
pids=()

stop_all() {
  local status=$?
  # Node B first (it only uses the database), then node A, which stops its embedded PostgreSQL when it shuts down.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    PARKFLOW_PID="${pids[i]}" parkflow_stop
  done
  # Should node A have been killed, its PostgreSQL (a session of its own) may still run: a fast shutdown by the
  # postmaster's pid from the data folder.
  local postmaster
  postmaster="$(head -n 1 "${work}/postgres/postmaster.pid" 2>/dev/null || true)"
  if [ -n "${postmaster}" ] && kill -INT "${postmaster}" 2>/dev/null; then
    for _ in $(seq 1 30); do
      kill -0 "${postmaster}" 2>/dev/null || break
      sleep 1
    done
  fi
  if [ "${R3_KEEP:-false}" = "true" ] || [ "${status}" -ne 0 ]; then
    echo "Logs and data kept in ${work}."
  else
    rm -rf "${work}"
  fi
  exit "${status}"
}
trap stop_all EXIT INT TERM

echo "Building (mvn process-classes) and copying the classes to ${work}/classes."
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never ${R3_MAVEN_ARGS:-} process-classes dependency:build-classpath \
  -Dmdep.outputFile="${work}/classpath.txt" -DincludeScope=runtime
cp -r target/classes "${work}/classes"
classpath="${work}/classes:$(cat "${work}/classpath.txt")"

db_port="$(free_port)"
port_a="$(free_port)"
port_b="$(free_port)"
while [ "${port_b}" = "${port_a}" ] || [ "${port_b}" = "${db_port}" ]; do port_b="$(free_port)"; done
while [ "${port_a}" = "${db_port}" ]; do port_a="$(free_port)"; done
jdbc_url="jdbc:postgresql://localhost:${db_port}/parkflow"

common=(
  "--camunda.bpm.history-level=full"
  "--camunda.bpm.job-execution.enabled=true"
  "--parkflow.deadlines.project-approval.intake-review=${R3_DEADLINE:-PT120S}"
  "--parkflow.reminders.before-due=${R3_BEFORE_DUE:-PT110S}"
  "--parkflow.reminders.scan-interval=${R3_SCAN:-PT5S}"
  "--spring.mail.host="
)

# start_node NAME PORT ARGS...: starts one node in its own process group and waits until it is healthy.
start_node() {
  local name="$1" port="$2"
  shift 2
  echo "Starting node ${name} on port ${port} (log ${work}/node-${name}.log)."
  setsid java -Xmx1g -cp "${classpath}" cn.parkflow.ParkFlowApplication "--server.port=${port}" \
    "--camunda.bpm.generic-properties.properties.hostname=r3-node-${name}" "${common[@]}" "$@" \
    >"${work}/node-${name}.log" 2>&1 </dev/null &
  pids+=("$!")
  local pid=$! deadline=$((SECONDS + 400))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}/actuator/health" || true)" = "200" ]; do
    if ! kill -0 "${pid}" 2>/dev/null || [ "${SECONDS}" -ge "${deadline}" ]; then
      echo "Node ${name} did not become healthy; last lines of its log:" >&2
      tail -n 40 "${work}/node-${name}.log" >&2
      return 1
    fi
    sleep 2
  done
}

start_node a "${port_a}" "--parkflow.database.data-dir=${work}/postgres" "--parkflow.database.port=${db_port}"
start_node b "${port_b}" "--parkflow.database.embedded=false" "--spring.datasource.url=${jdbc_url}" \
  "--spring.datasource.username=postgres"
echo "Both nodes are up; PostgreSQL on port ${db_port}."

java -cp "${classpath}" scripts/reliability/TwoNodes.java "http://127.0.0.1:${port_a}" "http://127.0.0.1:${port_b}" \
  "${jdbc_url}" "${cases}" "${parallel}" "${R3_WAIT:-900}" docs/examples/application.json

# What the nodes logged as WARN or ERROR, by logger and message start (ids blanked), for the report.
for name in a b; do
  echo "node ${name}: WARN and ERROR lines by logger and message:"
  { grep -E '^[^ ]+ +(WARN|ERROR) ' "${work}/node-${name}.log" || true; } \
    | sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<id>/g' \
    | sed -E 's/^[^ ]+ +([A-Z]+) +[0-9]+ --- \[[^]]*\] \[[^]]*\] ([^ ]+) *: (.{0,70}).*/\1 \2: \3/' \
    | sort | uniq -c | sort -rn | head -n 8
done
