#!/usr/bin/env bash
# Startup and memory of ParkFlow's default run (issue 13, item 4; docs/benchmarks.md, "Startup and memory"): starts
# ParkFlow with the default run's JVM settings (pom.xml, parkflow.jvm-options) on an empty data folder, runs the
# throughput workload of scripts/bench.sh against it, reads peak RSS and the JVM's heap, metaspace and code cache,
# stops it and starts it again on the same data folder. Prints the start times (fresh and restart, with the load
# average) and peak RSS; writes target/bench/memory/ (the driver's figures, the jcmd outputs, both logs).
#
# usage: scripts/bench-memory.sh [--warmup SECONDS] [--measure SECONDS] [--nmt [MIB]]   (defaults 60 and 60)
#   PARKFLOW_JVM_OPTIONS="..." scripts/bench-memory.sh   tries other JVM settings
#   --nmt [MIB]  where the native memory goes: adds -XX:NativeMemoryTracking=summary, writes the JVM's resident set
#                (VmRSS, anonymous and file-backed) every half second to target/bench/memory/rss.tsv, and takes the
#                JVM's own account (jcmd VM.native_memory summary) whenever the resident set passes MIB (default 440)
#                and every 8 MiB above its highest so far, with the methods the JIT is compiling at that moment
#                (jcmd Compiler.queue), and once at the end: target/bench/memory/nmt-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/bench-tools.sh
source scripts/lib/bench-tools.sh

WARMUP=60
MEASURE=60
NMT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) WARMUP="$2"; shift 2 ;;
    --measure) MEASURE="$2"; shift 2 ;;
    --nmt)
      NMT=440
      shift
      if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then NMT="$1"; shift; fi
      ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bench_workdir parkflow-memory
WORK="${BENCH_WORK}"
OUT=target/bench/memory
rm -rf "${OUT}"
mkdir -p "${OUT}"
build_parkflow "${WORK}"
if [ -n "${NMT}" ]; then
  PARKFLOW_JVM_OPTIONS="$(parkflow_jvm_options) -XX:NativeMemoryTracking=summary"
  export PARKFLOW_JVM_OPTIONS
fi

# sample_memory PID: VmRSS, RssAnon and RssFile of PID (MiB) every half second into OUT/rss.tsv while PID lives; the
# JVM's native-memory summary into OUT/nmt-<seconds>s-<rss>MiB.txt when the resident set first passes NMT MiB and
# then at every further 8 MiB.
sample_memory() {
  local pid="$1" next=$((NMT * 1024)) t0 now rss anon file
  t0="$(date +%s)"
  echo "seconds	rss_mib	anon_mib	file_mib" >"${OUT}/rss.tsv"
  while [ -r "/proc/${pid}/status" ]; do
    read -r rss anon file < <(awk '/^VmRSS:/ { r = $2 } /^RssAnon:/ { a = $2 } /^RssFile:/ { f = $2 }
      END { print r + 0, a + 0, f + 0 }' "/proc/${pid}/status" 2>/dev/null || echo "0 0 0")
    [ "${rss}" -gt 0 ] || break
    now=$(($(date +%s) - t0))
    printf '%s\t%s\t%s\t%s\n' "${now}" $((rss / 1024)) $((anon / 1024)) $((file / 1024)) >>"${OUT}/rss.tsv"
    if [ "${rss}" -ge "${next}" ]; then
      {
        jcmd "${pid}" VM.native_memory summary
        jcmd "${pid}" Compiler.queue
      } >"${OUT}/nmt-${now}s-$((rss / 1024))MiB.txt" 2>&1 || true
      next=$((rss + 8 * 1024))
    fi
    sleep 0.5
  done
}

DATA="${WORK}/parkflow-postgres"
PORT="$(free_port)"
launch_parkflow "${WORK}" "${DATA}" "${PORT}" --parkflow.database.durable=false
FRESH="${START_SECONDS} s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
SAMPLER=""
if [ -n "${NMT}" ]; then
  sample_memory "${APP_PID}" &
  SAMPLER=$!
fi
java bench/Bench.java run --target parkflow --url "http://127.0.0.1:${PORT}" --warmup "${WARMUP}" \
  --measure "${MEASURE}" --workers 4 --java-pid "${APP_PID}" --pg-data "${APP_DATA}" \
  --start-seconds "${START_SECONDS}" --out "${OUT}/parkflow.properties"
HWM="$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/${APP_PID}/status")"
for command in GC.heap_info VM.metaspace Compiler.codecache; do
  jcmd "${APP_PID}" "${command}" >"${OUT}/${command}.txt" 2>&1 || true
done
if [ -n "${SAMPLER}" ]; then
  kill "${SAMPLER}" 2>/dev/null || true
  wait "${SAMPLER}" 2>/dev/null || true
  jcmd "${APP_PID}" VM.native_memory summary >"${OUT}/nmt-end.txt" 2>&1 || true
fi
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
  if [ -n "${NMT}" ]; then
    echo "highest sampled resident set: $(awk 'NR > 1 && $2 > m { m = $2; l = $0 } END { print l }' "${OUT}/rss.tsv")" \
      "(seconds, rss, anonymous, file-backed MiB); native-memory summaries: $(ls "${OUT}"/nmt-*.txt 2>/dev/null | wc -l)"
  fi
} | tee "${OUT}/summary.txt"
