# Sourced by scripts/bench.sh and scripts/bench-scale.sh: builds ParkFlow's classes, starts an application in a
# process group of its own and measures how long it takes to answer, and stops it again (with the PostgreSQL server it
# started). After launch: APP_PID (the process group), APP_DATA (its PostgreSQL data folder) and START_SECONDS.
# shellcheck source=parkflow-server.sh
source "$(dirname "${BASH_SOURCE[0]}")/parkflow-server.sh"

APP_PID=""
APP_DATA=""

# bench_workdir PREFIX: a throw-away folder for the run (BENCH_WORK), removed, with whatever is still running
# stopped, when the script ends, also on failure.
bench_workdir() {
  BENCH_WORK="$(mktemp -d "/tmp/$1.XXXXXX")"
  trap 'stop_app; rm -rf "${BENCH_WORK}"' EXIT
  trap 'exit 130' INT TERM
}

# build_parkflow WORK: compiles ParkFlow and copies its classes to WORK/classes, its runtime classpath to
# WORK/classpath.txt (as scripts/lib/parkflow-server.sh does), so a rebuild cannot pull classes from under a run.
build_parkflow() {
  mvn -B -q -Dstyle.color=never process-classes dependency:build-classpath \
    -Dmdep.outputFile="$1/classpath.txt" -DincludeScope=runtime
  cp -r target/classes "$1/classes"
}

# pg_driver WORK: the PostgreSQL JDBC driver jar of the runtime classpath that build_parkflow wrote to WORK, for
# bench/Sql.java (the embedded PostgreSQL comes without psql).
pg_driver() {
  tr ':' '\n' <"$1/classpath.txt" | grep '/postgresql-[0-9.]*\.jar$' | head -1
}

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

# launch NAME LOG HEALTH_URL DATA_DIR COMMAND...: starts COMMAND in a process group of its own and waits
# for the first 200 from HEALTH_URL; START_SECONDS is the time from launch to that answer.
launch() {
  local name="$1" log="$2" health="$3"
  APP_DATA="$4"
  shift 4
  echo "Starting ${name}; log in ${log}."
  local t0
  t0="$(date +%s.%N)"
  setsid "$@" >"${log}" 2>&1 </dev/null &
  APP_PID=$!
  wait_healthy "${name}" "${health}" "${APP_PID}" "${log}" 0.1
  START_SECONDS="$(awk -v a="${t0}" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
  echo "${name} answered after ${START_SECONDS} s (load average $(cut -d' ' -f1-3 /proc/loadavg))."
}


# launch_parkflow WORK DATA_DIR PORT [extra arguments]: ParkFlow's default run from the classes that build_parkflow
# copied to WORK, with the default run's JVM settings (parkflow_jvm_options, from pom.xml), on the embedded PostgreSQL
# in DATA_DIR; the log is WORK/parkflow-PORT.log.
launch_parkflow() {
  local work="$1" data="$2" port="$3"
  shift 3
  local jvm_options
  jvm_options="$(parkflow_jvm_options)"
  echo "ParkFlow's JVM settings: ${jvm_options}"
  # shellcheck disable=SC2086
  launch "ParkFlow" "${work}/parkflow-${port}.log" "http://127.0.0.1:${port}/actuator/health" "${data}" \
    env MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" java ${jvm_options} -cp "${work}/classes:$(cat "${work}/classpath.txt")" cn.parkflow.ParkFlowApplication \
    "--parkflow.database.data-dir=${data}" "--server.port=${port}" "$@"
}
