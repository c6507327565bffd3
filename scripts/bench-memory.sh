#!/usr/bin/env bash
# Startup and memory of ParkFlow's default run (issue 13, item 4; docs/benchmarks.md, "Startup and memory"): starts
# ParkFlow with the default run's JVM settings (pom.xml, parkflow.jvm-options) on an empty data folder, runs the
# throughput workload of scripts/bench.sh against it, reads peak RSS and the JVM's heap, metaspace and code cache,
# stops it and starts it again on the same data folder. Prints the start times (fresh and restart, with the load
# average) and peak RSS; writes target/bench/memory/ (the driver's figures, the jcmd outputs, both logs).
#
# usage: scripts/bench-memory.sh [--warmup SECONDS] [--measure SECONDS]   (defaults 60 and 60)
#   PARKFLOW_JVM_OPTIONS="..." scripts/bench-memory.sh   tries other JVM settings
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/bench-tools.sh
source scripts/lib/bench-tools.sh

WARMUP=60
MEASURE=60
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) WARMUP="$2"; shift 2 ;;
    --measure) MEASURE="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bench_workdir parkflow-memory
WORK="${BENCH_WORK}"
OUT=target/bench/memory
rm -rf "${OUT}"
mkdir -p "${OUT}"
build_parkflow "${WORK}"

DATA="${WORK}/parkflow-postgres"
PORT="$(free_port)"
launch_parkflow "${WORK}" "${DATA}" "${PORT}" --parkflow.database.durable=false
FRESH="${START_SECONDS} s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
java bench/Bench.java run --target parkflow --url "http://127.0.0.1:${PORT}" --warmup "${WARMUP}" \
  --measure "${MEASURE}" --workers 4 --java-pid "${APP_PID}" --pg-data "${APP_DATA}" \
  --start-seconds "${START_SECONDS}" --out "${OUT}/parkflow.properties"
HWM="$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/${APP_PID}/status")"
for command in GC.heap_info VM.metaspace Compiler.codecache; do
  jcmd "${APP_PID}" "${command}" >"${OUT}/${command}.txt" 2>&1 || true
done
cp "${WORK}/parkflow-${PORT}.log" "${OUT}/fresh.log"
stop_app

PORT="$(free_port)"
launch_parkflow "${WORK}" "${DATA}" "${PORT}" --parkflow.database.durable=false
RESTART="${START_SECONDS} s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
cp "${WORK}/parkflow-${PORT}.log" "${OUT}/restart.log"
stop_app

{
  echo "JVM settings: $(parkflow_jvm_options)"
  echo "start, fresh data folder: ${FRESH}"
  echo "start, restart: ${RESTART}"
  echo "peak RSS at the end of the measured window: $(sed -n 's/^peakRssMb *= *//p' "${OUT}/parkflow.properties") MiB;" \
    "after the last answers: ${HWM} MiB"
  echo "completions/s: $(sed -n 's/^completionsPerSecond *= *//p' "${OUT}/parkflow.properties")"
} | tee "${OUT}/summary.txt"
