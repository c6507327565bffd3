#!/usr/bin/env bash
# Throughput benchmark: the same workload against a plain Spring Boot + Camunda 7.24.0 application at its defaults
# (bench/plain-camunda) and against ParkFlow's default run, one after the other on this machine, each on a fresh
# embedded PostgreSQL in a throw-away folder. Prints the side-by-side table with the ratio and writes it to
# target/bench/result.md. See docs/benchmarks.md ("Throughput against plain Camunda").
#
# usage: scripts/bench.sh [--warmup SECONDS] [--measure SECONDS] [--workers N] [--durable] [--only plain|parkflow]
#   --warmup   warm-up before the measured window (default 120)
#   --measure  measured window (default 60)
#   --workers  closed-loop workers (default 4)
#   --durable  fsync, synchronous_commit and full_page_writes on for both sides (default: off for both)
#   --only     measure one side only (the table then shows one column)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/parkflow-server.sh
source scripts/lib/parkflow-server.sh

WARMUP=120
MEASURE=60
WORKERS=4
DURABLE=false
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) WARMUP="$2"; shift 2 ;;
    --measure) MEASURE="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --durable) DURABLE=true; shift ;;
    --only) ONLY="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d /tmp/parkflow-bench.XXXXXX)"
OUT=target/bench
mkdir -p "${OUT}"
APP_PID=""
APP_DATA=""

# stop_app: TERM to the application's process group, KILL after 60 s; then the PostgreSQL server it started, should
# the JVM not have stopped it (pg_ctl starts the server outside the process group).
stop_app() {
  if [ -n "${APP_PID}" ] && kill -0 -- "-${APP_PID}" 2>/dev/null; then
    kill -TERM -- "-${APP_PID}" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 -- "-${APP_PID}" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-${APP_PID}" 2>/dev/null || true
  fi
  if [ -n "${APP_DATA}" ] && [ -f "${APP_DATA}/postmaster.pid" ]; then
    local pm
    pm="$(head -1 "${APP_DATA}/postmaster.pid")"
    if [ -n "${pm}" ] && kill -0 "${pm}" 2>/dev/null; then
      kill -TERM "${pm}" 2>/dev/null || true
      sleep 3
    fi
  fi
  APP_PID=""
  APP_DATA=""
}

cleanup() {
  stop_app
  rm -rf "${WORK}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# launch NAME LOG HEALTH_URL CREDENTIALS DATA_DIR COMMAND...: starts COMMAND in a process group of its own and waits
# for the first 200 from HEALTH_URL; START_SECONDS is the time from launch to that answer.
launch() {
  local name="$1" log="$2" health="$3" credentials="$4"
  APP_DATA="$5"
  shift 5
  echo "Starting ${name}; log in ${log}."
  local t0
  t0="$(date +%s.%N)"
  setsid "$@" >"${log}" 2>&1 </dev/null &
  APP_PID=$!
  local deadline=$((SECONDS + 300))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' ${credentials:+-u "${credentials}"} "${health}" || true)" = "200" ]; do
    if ! kill -0 "${APP_PID}" 2>/dev/null; then
      echo "${name} stopped before it was ready; see ${log}." >&2
      tail -20 "${log}" >&2
      return 1
    fi
    if [ "${SECONDS}" -ge "${deadline}" ]; then
      echo "${name} did not answer ${health} within 300 s." >&2
      return 1
    fi
    sleep 0.1
  done
  START_SECONDS="$(awk -v a="${t0}" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
  echo "${name} answered after ${START_SECONDS} s (load average $(cut -d' ' -f1-3 /proc/loadavg))."
}

# measure TARGET URL: the driver against the running application; its figures go to ${OUT}/TARGET.properties.
measure() {
  java bench/Bench.java run --target "$1" --url "$2" --warmup "${WARMUP}" --measure "${MEASURE}" \
    --workers "${WORKERS}" --java-pid "${APP_PID}" --pg-data "${APP_DATA}" --start-seconds "${START_SECONDS}" \
    --out "${OUT}/$1.properties"
}

echo "Building the peer (bench/plain-camunda) and ParkFlow (classes and runtime classpath)."
if [ "${ONLY}" != "parkflow" ]; then
  mvn -B -q -Dstyle.color=never -f bench/plain-camunda/pom.xml -DskipTests package
fi
if [ "${ONLY}" != "plain" ]; then
  mvn -B -q -Dstyle.color=never process-classes dependency:build-classpath \
    -Dmdep.outputFile="${WORK}/classpath.txt" -DincludeScope=runtime
  cp -r target/classes "${WORK}/classes"
fi

rm -f "${OUT}/plain.properties" "${OUT}/parkflow.properties"

if [ "${ONLY}" != "parkflow" ]; then
  PORT="$(free_port)"
  launch "plain Camunda" "${WORK}/plain.log" "http://127.0.0.1:${PORT}/engine-rest/engine" "" "${WORK}/plain-postgres" \
    java -jar bench/plain-camunda/target/plain-camunda.jar "--server.port=${PORT}" \
    "--bench.data-dir=${WORK}/plain-postgres" "--bench.durable=${DURABLE}"
  measure plain "http://127.0.0.1:${PORT}"
  stop_app
fi

if [ "${ONLY}" != "plain" ]; then
  PORT="$(free_port)"
  launch "ParkFlow" "${WORK}/parkflow.log" "http://127.0.0.1:${PORT}/actuator/health" "" "${WORK}/parkflow-postgres" \
    java -cp "${WORK}/classes:$(cat "${WORK}/classpath.txt")" cn.parkflow.ParkFlowApplication \
    "--parkflow.database.data-dir=${WORK}/parkflow-postgres" "--server.port=${PORT}" \
    "--parkflow.database.durable=${DURABLE}"
  measure parkflow "http://127.0.0.1:${PORT}"
  stop_app
fi

[ -f "${OUT}/plain.properties" ] || printf 'target=plain\n' >"${OUT}/plain.properties"
[ -f "${OUT}/parkflow.properties" ] || printf 'target=parkflow\n' >"${OUT}/parkflow.properties"
java bench/Bench.java compare --plain "${OUT}/plain.properties" --parkflow "${OUT}/parkflow.properties" \
  --title "Throughput: plain Camunda against ParkFlow ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, durable=${DURABLE})" \
  --out "${OUT}/result.md"
echo "Written to ${OUT}/result.md."
