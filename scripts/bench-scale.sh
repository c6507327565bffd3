#!/usr/bin/env bash
# Scale benchmark (docs/benchmarks.md, "Department task list at scale" and "Reminder sweep"): ParkFlow's default run
# on throw-away embedded PostgreSQL folders, seeded with copies of real cases by bench/seed-scale.sql.
#
#   list:  the department clerk's task list (drc-clerk, GET /engine-rest/task?candidateGroup=drc&maxResults=50,
#          closed loop) with only the template cases, then again after seeding the open tasks and finished cases;
#   sweep: a fresh database with one template case and the sweep's open tasks, all falling due in two hours (yellow);
#          the reminder scan runs every 5 s; the time until every seeded task's reminder is in pf_outbox, and a check
#          that none was queued twice;
#   history: the throughput workload of scripts/bench.sh (ParkFlow side, every feature on) on a fresh database, then
#          again after seeding the finished cases: throughput at N finished cases against nearly none; with --profile,
#          PostgreSQL's statements per finished case in each window (target/bench/history-{before,after}-statements.md,
#          as scripts/bench.sh --profile writes them).
#
# usage: scripts/bench-scale.sh [--part all|list|sweep|history] [--open-tasks N] [--finished-cases N] [--seconds S]
#                               [--workers N] [--sweep-tasks N] [--sweep-timeout S] [--warmup S] [--measure S]
#                               [--profile]
#   defaults: --open-tasks 100000 --finished-cases 1000000 --seconds 60 --workers 4 --sweep-tasks 10000
#             --sweep-timeout 1800 --warmup 120 --measure 60 (the last two: each history run, as in scripts/bench.sh)
# Writes target/bench/scale.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/bench-tools.sh
source scripts/lib/bench-tools.sh

PART=all
OPEN_TASKS=100000
FINISHED_CASES=1000000
SECONDS_PER_LIST=60
WORKERS=4
SWEEP_TASKS=10000
SWEEP_TIMEOUT=1800
WARMUP=120
MEASURE=60
PROFILE=false
while [ $# -gt 0 ]; do
  case "$1" in
    --part) PART="$2"; shift 2 ;;
    --open-tasks) OPEN_TASKS="$2"; shift 2 ;;
    --finished-cases) FINISHED_CASES="$2"; shift 2 ;;
    --seconds) SECONDS_PER_LIST="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --sweep-tasks) SWEEP_TASKS="$2"; shift 2 ;;
    --sweep-timeout) SWEEP_TIMEOUT="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --measure) MEASURE="$2"; shift 2 ;;
    --profile) PROFILE=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bench_workdir parkflow-bench-scale
WORK="${BENCH_WORK}"
OUT=target/bench
REPORT="${OUT}/scale.md"
mkdir -p "${OUT}"

echo "Building ParkFlow (classes and runtime classpath)."
build_parkflow "${WORK}"
PGJAR="$(pg_driver "${WORK}")"

# sql ARGS...: bench/Sql.java against the running application's database.
sql() {
  java -cp "${PGJAR}" bench/Sql.java "${JDBC}" "$@"
}

# start DATA_DIR [extra arguments]: ParkFlow's default run (fsync off, as in scripts/bench.sh), and its JDBC URL.
start() {
  local data="$1"
  shift
  PORT="$(free_port)"
  URL="http://127.0.0.1:${PORT}"
  launch_parkflow "${WORK}" "${data}" "${PORT}" "--parkflow.database.durable=false" "$@"
  local pg_port
  pg_port="$(grep -o 'Embedded PostgreSQL on port [0-9]*' "${WORK}/parkflow-${PORT}.log" | grep -o '[0-9]*$')"
  JDBC="jdbc:postgresql://localhost:${pg_port}/parkflow?user=postgres"
}

# templates OPEN FINISHED: real cases through the API; sets OPEN_CASE and FINISHED_CASE (the last of each).
templates() {
  local ids
  ids="$(java bench/Bench.java cases --url "${URL}" --open "$1" --finished "$2")"
  echo "${ids}"
  OPEN_CASE="$(echo "${ids}" | awk '$1 == "open" { id = $2 } END { print id }')"
  FINISHED_CASE="$(echo "${ids}" | awk '$1 == "finished" { id = $2 } END { print id }')"
}

{
  echo "# Scale benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores)"
  echo
} >"${REPORT}"

if [ "${PART}" = all ] || [ "${PART}" = list ]; then
  start "${WORK}/list-postgres" "--parkflow.reminders.scheduled=false"
  echo "Creating the template cases (one at the department reviews, one finished)."
  templates 1 1
  {
    echo "## Rows one case holds"
    echo
    sql open_case="${OPEN_CASE}" finished_case="${FINISHED_CASE}" bench/case-rows.sql
    echo "## Department task list (drc-clerk, ${WORKERS} closed-loop clients, ${SECONDS_PER_LIST} s each)"
    echo
    echo "| database | queries | errors | queries/s | p50 (ms) | p95 (ms) | p99 (ms) |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
  } | tee -a "${REPORT}"
  java bench/Bench.java tasklist --url "${URL}" --seconds "${SECONDS_PER_LIST}" --workers "${WORKERS}" \
    --label "the two template cases" --out "${WORK}/list.md"
  echo "Seeding ${OPEN_TASKS} open tasks and ${FINISHED_CASES} finished cases."
  seed_start=${SECONDS}
  sql open_case="${OPEN_CASE}" finished_case="${FINISHED_CASE}" open_tasks="${OPEN_TASKS}" \
    finished_cases="${FINISHED_CASES}" bench/seed-scale.sql | tee "${WORK}/seeded.md"
  seed_seconds=$((SECONDS - seed_start))
  java bench/Bench.java tasklist --url "${URL}" --seconds "${SECONDS_PER_LIST}" --workers "${WORKERS}" \
    --label "+ ${OPEN_TASKS} open tasks, + ${FINISHED_CASES} finished cases" --out "${WORK}/list.md"
  {
    cat "${WORK}/list.md"
    echo
    echo "Seeding took ${seed_seconds} s; rows written:"
    echo
    cat "${WORK}/seeded.md"
    sql -e "select (select count(*) from act_ru_task) as open_tasks,
        (select count(*) from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_
          where l.group_id_ = 'drc' and l.type_ = 'candidate') as drc_candidate_tasks,
        (select count(*) from act_ru_authorization) as authorization_rows,
        (select count(*) from act_hi_procinst where end_time_ is not null) as finished_cases"
  } | tee -a "${REPORT}"
  stop_app
fi

if [ "${PART}" = all ] || [ "${PART}" = sweep ]; then
  start "${WORK}/sweep-postgres" "--parkflow.reminders.scan-interval=PT5S" \
    "--logging.level.cn.parkflow.deadline.ReminderScan=debug"
  echo "Creating the template case (at the department reviews)."
  templates 1 0
  sleep 10 # one scan over the template's own tasks (green)
  echo "Seeding ${SWEEP_TASKS} open tasks due in two hours (yellow)."
  sql open_case="${OPEN_CASE}" open_tasks="${SWEEP_TASKS}" due_in="2 hours" bench/seed-scale.sql >/dev/null
  seeded_at="$(date -u '+%H:%M:%S')"
  {
    echo "## Reminder sweep: ${SWEEP_TASKS} tasks turn yellow at once"
    echo
    echo "Seeded (committed) at ${seeded_at} UTC; the scan runs every 5 s. Wait until every seeded task's reminder is queued:"
    echo
    sql tasks="${SWEEP_TASKS}" timeout="${SWEEP_TIMEOUT}" bench/sweep-wait.sql
  } | tee -a "${REPORT}"
  sleep 12 # at least one more scan, which finds every reminder queued
  {
    echo
    echo "The scans after the seed (ReminderScan's debug line: tasks looked at, e-mails queued, lights changed, tasks"
    echo "whose notice was queued already, and how long the scan took):"
    echo
    echo '```'
    grep -o 'Reminder scan: Report.*' "${WORK}/parkflow-${PORT}.log" | awk -v n="${SWEEP_TASKS}" '
      match($0, /tasks=[0-9]+/) && substr($0, RSTART + 6, RLENGTH - 6) + 0 >= n' || true
    echo '```'
  } | tee -a "${REPORT}"
  stop_app
fi
if [ "${PART}" = all ] || [ "${PART}" = history ]; then
  if [ "${PROFILE}" = true ]; then
    start "${WORK}/history-postgres" "--parkflow.database.settings.shared_preload_libraries=pg_stat_statements"
    sql -e "create extension if not exists pg_stat_statements" >/dev/null
  else
    start "${WORK}/history-postgres"
  fi
  echo "Creating the template case (finished)."
  templates 0 1
  finished_cases() {
    sql -e "select count(*) from act_hi_procinst where end_time_ is not null" | awk 'NR == 3 { print $2 }'
  }
  # throughput LABEL: the throughput workload against the running application, to WORK/history-LABEL.properties
  throughput() {
    if [ "${PROFILE}" = true ]; then
      (sleep "${WARMUP}"; sql -e "select pg_stat_statements_reset()" >/dev/null) &
    fi
    java bench/Bench.java run --target parkflow --url "${URL}" --warmup "${WARMUP}" --measure "${MEASURE}" \
      --workers "${WORKERS}" --java-pid "${APP_PID}" --pg-data "${APP_DATA}" --start-seconds "${START_SECONDS}" \
      --out "${WORK}/history-$1.properties"
    if [ "${PROFILE}" = true ]; then
      local cases
      cases="$(sed -n 's/^cases=//p' "${WORK}/history-$1.properties")"
      sql "cases=${cases:-1}" bench/statements.sql >"${OUT}/history-$1-statements.md"
      echo "Statements per case: ${OUT}/history-$1-statements.md"
    fi
  }
  throughput before
  before="$(finished_cases)"
  echo "Seeding ${FINISHED_CASES} finished cases."
  seed_start=${SECONDS}
  sql finished_case="${FINISHED_CASE}" finished_cases="${FINISHED_CASES}" bench/seed-scale.sql | tee "${WORK}/seeded.md"
  seed_seconds=$((SECONDS - seed_start))
  seeded="$(finished_cases)"
  throughput after
  {
    echo "## Throughput with ${FINISHED_CASES} finished cases against nearly none"
    echo
    java bench/Bench.java compare --plain "${WORK}/history-before.properties" \
      --parkflow "${WORK}/history-after.properties" --title "ParkFlow's throughput workload, the same application" \
      --labels "${before} finished cases|${seeded} finished cases"
    echo
    echo "Seeding took ${seed_seconds} s (between the two runs); rows written:"
    echo
    cat "${WORK}/seeded.md"
    sql -e "select (select count(*) from act_ru_authorization) as authorization_rows,
        (select count(*) from act_hi_actinst) as historic_activities,
        (select count(*) from act_hi_procinst where end_time_ is not null) as finished_cases"
  } | tee -a "${REPORT}"
  stop_app
fi
echo "Written to ${REPORT}."
