# Sourced by the browser scripts: runs the default run of ParkFlow for a trial, on a throw-away data folder, and
# stops it again. The application runs from a private copy of the compiled classes (dependencies from Maven's runtime
# classpath), so a rebuild in the working tree while a trial runs cannot pull classes from under it; it is the same
# application and configuration as `mvn spring-boot:run`.
#
# After parkflow_start: PARKFLOW_PID (its process group) and PARKFLOW_URL are set; the log is PARKFLOW_LOG.

# A free TCP port on 127.0.0.1.
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# wait_healthy NAME HEALTH_URL PID LOG [INTERVAL]: waits until HEALTH_URL answers 200; fails (with the log's tail) when
# PID ends first or after $PARKFLOW_START_TIMEOUT s (300 unless set). The one health wait of every script (browser
# trials, probes, benchmarks).
wait_healthy() {
  local name="$1" health="$2" pid="$3" log="$4" interval="${5:-1}"
  local timeout="${PARKFLOW_START_TIMEOUT:-300}"
  local deadline=$((SECONDS + timeout))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "${health}" || true)" = "200" ]; do
    if ! kill -0 "${pid}" 2>/dev/null; then
      echo "${name} stopped before it was ready; the end of ${log}:" >&2
      tail -30 "${log}" >&2
      return 1
    fi
    if [ "${SECONDS}" -ge "${deadline}" ]; then
      echo "${name} did not answer ${health} within ${timeout} s." >&2
      return 1
    fi
    sleep "${interval}"
  done
}

# parkflow_jvm_options: the JVM settings of the default run, as `mvn spring-boot:run` uses them: the property
# `parkflow.jvm-options` of pom.xml (the one place they are defined), printed on one line; PARKFLOW_JVM_OPTIONS, when
# set, replaces them for one run.
parkflow_jvm_options() {
  if [ -n "${PARKFLOW_JVM_OPTIONS:-}" ]; then
    echo "${PARKFLOW_JVM_OPTIONS}"
    return
  fi
  local pom
  pom="$(dirname "${BASH_SOURCE[0]}")/../../pom.xml"
  local options
  options="$(sed -n 's:.*<parkflow.jvm-options>\(.*\)</parkflow.jvm-options>.*:\1:p' "${pom}")"
  if [ -z "${options}" ]; then
    echo "No <parkflow.jvm-options> found in ${pom}." >&2
    return 1
  fi
  echo "${options}"
}

# parkflow_start WORK_DIR PORT [extra Maven arguments]: builds, starts, and waits until /actuator/health answers.
parkflow_start() {
  local work="$1" port="$2" maven_args="${3:-}"
  echo "Building (mvn process-classes) and copying the classes to ${work}/classes."
  # shellcheck disable=SC2086
  mvn -B -q -Dstyle.color=never ${maven_args} process-classes dependency:build-classpath \
    -Dmdep.outputFile="${work}/classpath.txt" -DincludeScope=runtime
  cp -r target/classes "${work}/classes"
  parkflow_run "${work}" "${port}"
}

# parkflow_run WORK_DIR PORT [application arguments...]: starts the classes parkflow_start copied to WORK_DIR (again,
# on the same data folder after parkflow_stop) with the default run's JVM settings (parkflow_jvm_options) and waits
# until /actuator/health answers. The environment is passed on.
parkflow_run() {
  local work="$1" port="$2"
  shift 2
  PARKFLOW_LOG="${work}/parkflow.log"
  local jvm_options
  jvm_options="$(parkflow_jvm_options)"
  echo "Starting ParkFlow (default run, ${jvm_options}) on port ${port}, data in ${work}/postgres, log in ${PARKFLOW_LOG}."
  # setsid: the application gets a process group of its own, so stopping it stops everything it started.
  # shellcheck disable=SC2086
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" setsid java ${jvm_options} \
    -cp "${work}/classes:$(cat "${work}/classpath.txt")" cn.parkflow.ParkFlowApplication \
    "--parkflow.database.data-dir=${work}/postgres" "--server.port=${port}" "$@" \
    >>"${PARKFLOW_LOG}" 2>&1 </dev/null &
  PARKFLOW_PID=$!
  PARKFLOW_URL="http://localhost:${port}"

  wait_healthy "ParkFlow" "${PARKFLOW_URL}/actuator/health" "${PARKFLOW_PID}" "${PARKFLOW_LOG}" 2
  echo "ParkFlow is up at ${PARKFLOW_URL}."
}

# parkflow_stop: stops the application's process group (TERM, then KILL after 60 s).
parkflow_stop() {
  if [ -n "${PARKFLOW_PID:-}" ] && kill -0 -- "-${PARKFLOW_PID}" 2>/dev/null; then
    echo "Stopping ParkFlow (process group ${PARKFLOW_PID})."
    kill -TERM -- "-${PARKFLOW_PID}" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 -- "-${PARKFLOW_PID}" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-${PARKFLOW_PID}" 2>/dev/null || true
  fi
}
