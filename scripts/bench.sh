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
# shellcheck source=lib/bench-tools.sh
source scripts/lib/bench-tools.sh

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

bench_workdir parkflow-bench
WORK="${BENCH_WORK}"
OUT=target/bench
mkdir -p "${OUT}"

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
  build_parkflow "${WORK}"
fi

rm -f "${OUT}/plain.properties" "${OUT}/parkflow.properties"

if [ "${ONLY}" != "parkflow" ]; then
  PORT="$(free_port)"
  launch "plain Camunda" "${WORK}/plain.log" "http://127.0.0.1:${PORT}/engine-rest/engine" "${WORK}/plain-postgres" \
    java -jar bench/plain-camunda/target/plain-camunda.jar "--server.port=${PORT}" \
    "--bench.data-dir=${WORK}/plain-postgres" "--bench.durable=${DURABLE}"
  measure plain "http://127.0.0.1:${PORT}"
  stop_app
fi

if [ "${ONLY}" != "plain" ]; then
  PORT="$(free_port)"
  launch_parkflow "${WORK}" "${WORK}/parkflow-postgres" "${PORT}" "--parkflow.database.durable=${DURABLE}"
  measure parkflow "http://127.0.0.1:${PORT}"
  stop_app
fi

[ -f "${OUT}/plain.properties" ] || printf 'target=plain\n' >"${OUT}/plain.properties"
[ -f "${OUT}/parkflow.properties" ] || printf 'target=parkflow\n' >"${OUT}/parkflow.properties"
java bench/Bench.java compare --plain "${OUT}/plain.properties" --parkflow "${OUT}/parkflow.properties" \
  --title "Throughput: plain Camunda against ParkFlow ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, durable=${DURABLE})" \
  --out "${OUT}/result.md"
echo "Written to ${OUT}/result.md."
