#!/usr/bin/env bash
# Throughput benchmark: the same workload against a plain Spring Boot + Camunda 7.24.0 application at its defaults
# (bench/plain-camunda) and against ParkFlow's default run, one after the other on this machine, each on a fresh
# embedded PostgreSQL in a throw-away folder. Prints the side-by-side table with the ratio and writes it to
# target/bench/result.md. See docs/benchmarks.md ("Throughput against plain Camunda").
#
# usage: scripts/bench.sh [--warmup SECONDS] [--measure SECONDS] [--workers N] [--durable] [--only plain|parkflow]
#                        [--profile]
#   --warmup   warm-up before the measured window (default 120)
#   --measure  measured window (default 60)
#   --workers  closed-loop workers (default 4)
#   --durable  fsync, synchronous_commit and full_page_writes on for both sides (default: off for both)
#   --only     measure one side only (the table then shows one column)
#   --profile  also profile each side over the measured window: a Java Flight Recording (target/bench/<side>.jfr,
#              stack depth 512) and PostgreSQL's pg_stat_statements (target/bench/<side>-statements.md: calls and
#              time per finished case, by statement); the recorder costs a little throughput, so compare profiled runs
#              with profiled runs
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/bench-tools.sh
source scripts/lib/bench-tools.sh

WARMUP=120
MEASURE=60
WORKERS=4
DURABLE=false
ONLY=""
PROFILE=false
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) WARMUP="$2"; shift 2 ;;
    --measure) MEASURE="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --durable) DURABLE=true; shift ;;
    --only) ONLY="$2"; shift 2 ;;
    --profile) PROFILE=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bench_workdir parkflow-bench
WORK="${BENCH_WORK}"
OUT=target/bench
mkdir -p "${OUT}"

# jfr_options TARGET: the JVM options that record the measured window when profiling, else nothing.
jfr_options() {
  if [ "${PROFILE}" = true ]; then
    printf '%s' "-XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=filename=${PWD}/${OUT}/$1.jfr,settings=profile,delay=${WARMUP}s,duration=${MEASURE}s"
  fi
}

# statements SQL...: bench/Sql.java against the running application's PostgreSQL (the maintenance database).
statements() {
  local port
  port="$(sed -n 4p "${APP_DATA}/postmaster.pid")"
  java -cp "${PGJAR}" bench/Sql.java "jdbc:postgresql://127.0.0.1:${port}/postgres?user=postgres" "$@"
}

# measure TARGET URL: the driver against the running application; its figures go to ${OUT}/TARGET.properties. When
# profiling, the statement statistics are reset when the warm-up ends and written out after the measured window.
measure() {
  if [ "${PROFILE}" = true ]; then
    statements -e "create extension if not exists pg_stat_statements" >/dev/null
    (sleep "${WARMUP}"; statements -e "select pg_stat_statements_reset()" >/dev/null) &
  fi
  java bench/Bench.java run --target "$1" --url "$2" --warmup "${WARMUP}" --measure "${MEASURE}" \
    --workers "${WORKERS}" --java-pid "${APP_PID}" --pg-data "${APP_DATA}" --start-seconds "${START_SECONDS}" \
    --out "${OUT}/$1.properties"
  if [ "${PROFILE}" = true ]; then
    local cases
    cases="$(sed -n 's/^cases=//p' "${OUT}/$1.properties")"
    statements "cases=${cases:-1}" bench/statements.sql >"${OUT}/$1-statements.md"
    echo "Profile of $1: ${OUT}/$1.jfr and ${OUT}/$1-statements.md"
  fi
}

echo "Building the peer (bench/plain-camunda) and ParkFlow (classes and runtime classpath)."
if [ "${ONLY}" != "parkflow" ]; then
  mvn -B -q -Dstyle.color=never -f bench/plain-camunda/pom.xml -DskipTests package
fi
if [ "${ONLY}" != "plain" ] || [ "${PROFILE}" = true ]; then
  build_parkflow "${WORK}"
fi
if [ "${PROFILE}" = true ]; then
  # the driver for the statement statistics: ParkFlow's (the peer resolves the same version through the same BOM)
  PGJAR="$(pg_driver "${WORK}")"
fi

rm -f "${OUT}/plain.properties" "${OUT}/parkflow.properties"

if [ "${ONLY}" != "parkflow" ]; then
  PORT="$(free_port)"
  # shellcheck disable=SC2046
  launch "plain Camunda" "${WORK}/plain.log" "http://127.0.0.1:${PORT}/engine-rest/engine" "${WORK}/plain-postgres" \
    java $(jfr_options plain) -jar bench/plain-camunda/target/plain-camunda.jar "--server.port=${PORT}" \
    "--bench.data-dir=${WORK}/plain-postgres" "--bench.durable=${DURABLE}" "--bench.pg-statements=${PROFILE}"
  measure plain "http://127.0.0.1:${PORT}"
  stop_app
fi

if [ "${ONLY}" != "plain" ]; then
  PORT="$(free_port)"
  profile_arguments=()
  if [ "${PROFILE}" = true ]; then
    profile_arguments=("--parkflow.database.settings.shared_preload_libraries=pg_stat_statements")
  fi
  PARKFLOW_JVM_OPTIONS="$(parkflow_jvm_options) $(jfr_options parkflow)" \
    launch_parkflow "${WORK}" "${WORK}/parkflow-postgres" "${PORT}" "--parkflow.database.durable=${DURABLE}" \
    "${profile_arguments[@]}"
  measure parkflow "http://127.0.0.1:${PORT}"
  stop_app
fi

[ -f "${OUT}/plain.properties" ] || printf 'target=plain\n' >"${OUT}/plain.properties"
[ -f "${OUT}/parkflow.properties" ] || printf 'target=parkflow\n' >"${OUT}/parkflow.properties"
java bench/Bench.java compare --plain "${OUT}/plain.properties" --parkflow "${OUT}/parkflow.properties" \
  --title "Throughput: plain Camunda against ParkFlow ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, durable=${DURABLE})" \
  --out "${OUT}/result.md"
echo "Written to ${OUT}/result.md."
