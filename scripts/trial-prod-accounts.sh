#!/usr/bin/env bash
# The prod trial of enterprise accounts (issue 11), as the engineer who runs the `prod` profile would try it:
# ParkFlow's jar with --spring.profiles.active=prod on an "external" PostgreSQL 15 (Debian's postgresql-15, a cluster
# of its own on a free port under a throw-away folder), SMTP pointed at the probes' SMTP sink
# (scripts/reliability/Load.java smtp-sink: AUTH accepted, each message kept as .eml), no demo users. Then, over HTTP only:
#   1. the administrator (PARKFLOW_ADMIN_USER) creates a park-admin clerk through the engine REST API;
#   2. an enterprise registers anonymously (POST /api/enterprise-registrations);
#   3. the clerk finds userTask_verifyEnterprise and approves it (engine REST, as Tasklist would);
#   4. the enterprise reads its initial password from the mail, is refused until it changes it, changes it;
#   5. it applies for admission (POST /api/admissions) and then for a project (POST /api/projects).
# Everything it starts is stopped on exit, also on failure. Output and the work folder: /tmp/parkflow-trial-prod.*
#
#   bash scripts/trial-prod-accounts.sh            (SKIP_BUILD=1 reuses target/parkflow-*.jar)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${ROOT}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
WORK="$(mktemp -d /tmp/parkflow-trial-prod.XXXXXX)"
APP_PID="" SMTP_PID="" PG_STARTED=""

# free_port, wait_healthy, parkflow_stop
# shellcheck source=lib/parkflow-server.sh
source scripts/lib/parkflow-server.sh

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  set +e
  PARKFLOW_PID="${APP_PID}" parkflow_stop
  if [ -n "${SMTP_PID}" ]; then kill "${SMTP_PID}" 2>/dev/null; fi
  if [ -n "${PG_STARTED}" ]; then
    echo "Stopping PostgreSQL."
    as_postgres "${PG_BIN}/pg_ctl" -D "${WORK}/pgdata" -m fast -w stop >/dev/null
  fi
  echo "Work folder (logs, mail): ${WORK}"
}
trap cleanup EXIT

step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
fail() { echo "TRIAL FAILED: $*" >&2; exit 1; }

# --- the "external" PostgreSQL 15 -----------------------------------------------------------------------------------
PG_PORT="$(free_port)"
DB_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
step "PostgreSQL $("${PG_BIN}/postgres" --version | awk '{print $3}') on 127.0.0.1:${PG_PORT} (data ${WORK}/pgdata)"
mkdir -p "${WORK}/pgdata" "${WORK}/pgsocket"
chown postgres "${WORK}" "${WORK}/pgdata" "${WORK}/pgsocket" 2>/dev/null || true
as_postgres "${PG_BIN}/initdb" -D "${WORK}/pgdata" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >"${WORK}/initdb.log"
as_postgres "${PG_BIN}/pg_ctl" -D "${WORK}/pgdata" -l "${WORK}/postgres.log" -w \
  -o "-p ${PG_PORT} -c listen_addresses=127.0.0.1 -k ${WORK}/pgsocket" start >/dev/null
PG_STARTED=1
as_postgres "${PG_BIN}/psql" -h "${WORK}/pgsocket" -p "${PG_PORT}" -U postgres -q -v ON_ERROR_STOP=1 \
  -c "create role parkflow login password '${DB_PASSWORD}'" -c "create database parkflow owner parkflow"
echo "database parkflow, owner parkflow (not a superuser), password authentication over TCP"

# --- SMTP ------------------------------------------------------------------------------------------------------------
SMTP_PORT="$(free_port)"
step "SMTP mailbox on 127.0.0.1:${SMTP_PORT} (messages in ${WORK}/mail)"
java scripts/reliability/Load.java smtp-sink --port "${SMTP_PORT}" --log "${WORK}/smtp-ids.log" --dir "${WORK}/mail" \
  >"${WORK}/smtp.log" 2>&1 &
SMTP_PID=$!
for _ in $(seq 1 60); do grep -q listening "${WORK}/smtp.log" 2>/dev/null && break; sleep 1; done

# --- the jar, profile prod --------------------------------------------------------------------------------------------
if [ -z "${SKIP_BUILD:-}" ]; then
  step "Building the jar (mvn -B -q -DskipTests package)"
  mvn -B -q -Dstyle.color=never -DskipTests package
fi
JAR="$(ls target/parkflow-*.jar | grep -v original | head -1)"
cp "${JAR}" "${WORK}/parkflow.jar"
APP_PORT="$(free_port)"
BASE="http://127.0.0.1:${APP_PORT}"
ADMIN_USER="ops-admin"
ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
step "ParkFlow: java -jar parkflow.jar --spring.profiles.active=prod on ${BASE}"
START=${SECONDS}
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${PG_PORT}/parkflow" SPRING_DATASOURCE_USERNAME=parkflow \
SPRING_DATASOURCE_PASSWORD="${DB_PASSWORD}" SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="${SMTP_PORT}" \
SPRING_MAIL_USERNAME=parkflow SPRING_MAIL_PASSWORD=trial PARKFLOW_ADMIN_USER="${ADMIN_USER}" \
PARKFLOW_ADMIN_PASSWORD="${ADMIN_PASSWORD}" PARKFLOW_BASE_URL="https://parkflow.example.gov.cn" \
  setsid java -jar "${WORK}/parkflow.jar" --spring.profiles.active=prod --server.port="${APP_PORT}" \
  >"${WORK}/parkflow.log" 2>&1 </dev/null &
APP_PID=$!
wait_healthy "ParkFlow" "${BASE}/actuator/health" "${APP_PID}" "${WORK}/parkflow.log" 2 \
  || fail "ParkFlow was not healthy"
HEALTHY_AFTER=$((SECONDS - START))
echo "healthy after ${HEALTHY_AFTER} s; Flyway: $(grep -o 'Successfully applied [0-9]* migrations.*' "${WORK}/parkflow.log" | head -1)"

# call METHOD PATH USER:PASSWORD|- [BODY]: prints the status on the first line, the body after it
call() {
  local method="$1" path="$2" credentials="$3" body="${4:-}"
  local args=(-s -o "${WORK}/body" -w '%{http_code}' -X "${method}" -H 'Content-Type: application/json')
  [ "${credentials}" = "-" ] || args+=(-u "${credentials}")
  [ -z "${body}" ] || args+=(--data-binary "${body}")
  STATUS="$(curl "${args[@]}" "${BASE}${path}")"
  BODY="$(cat "${WORK}/body")"
}
expect() {
  [ "${STATUS}" = "$1" ] || fail "$2: expected HTTP $1, got ${STATUS}: ${BODY}"
  echo "  ${STATUS} ${2}"
}

ADMIN="${ADMIN_USER}:${ADMIN_PASSWORD}"
step "No demo users in prod"
call GET /api/projects "park-admin-clerk:demo"; expect 401 "park-admin-clerk:demo is refused (no demo users)"

step "1. The administrator creates a park-admin clerk through the engine REST API"
CLERK="pa-wanglei" CLERK_PASSWORD="Wl$(head -c 9 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')7"
call POST /engine-rest/user/create "${ADMIN}" "$(jq -n --arg id "${CLERK}" --arg pw "${CLERK_PASSWORD}" \
  '{profile: {id: $id, firstName: "王磊", lastName: "管委会", email: "wanglei@park.example.gov.cn"}, credentials: {password: $pw}}')"
expect 204 "POST /engine-rest/user/create ${CLERK}"
call PUT "/engine-rest/group/park-admin/members/${CLERK}" "${ADMIN}"; expect 204 "PUT /engine-rest/group/park-admin/members/${CLERK}"

step "2. An enterprise registers, anonymously"
CREDIT_CODE="$(python3 - <<'PY'
import random
chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
first = "91360124" + "".join(random.choice(chars) for _ in range(9))
print(first + chars[(31 - sum(chars.index(c) * w for c, w in zip(first, weights)) % 31) % 31])
PY
)"
LOGIN="ruifeng-jx"
EMAIL="lihong@ruifeng.example.com"
REGISTRATION="$(jq -n --arg code "${CREDIT_CODE}" --arg login "${LOGIN}" --arg email "${EMAIL}" \
  '{enterpriseName: "南昌瑞丰精密机械有限公司", creditCode: $code, contactPerson: "李红", email: $email,
    phone: "0791-88886666", login: $login}')"
call POST /api/enterprise-registrations - '{"enterpriseName":"","creditCode":"91360124MA39PFL7XD","login":"a"}'
expect 400 "a bad registration names $(echo "${BODY}" | jq -r '[.errors[].field] | join(", ")')"
echo "  ${BODY}"
call POST /api/enterprise-registrations - "${REGISTRATION}"; expect 201 "POST /api/enterprise-registrations"
NUMBER="$(echo "${BODY}" | jq -r .registrationNumber)"
echo "  registration ${NUMBER}: ${BODY}"
call POST /api/enterprise-registrations - "$(echo "${REGISTRATION}" | jq '.creditCode = "91360124MA39PFL7XC"')"
expect 409 "the same login again"
echo "  ${BODY}"

step "3. park-admin verifies it against the business licence"
call GET "/engine-rest/task?processInstanceBusinessKey=${NUMBER}&taskDefinitionKey=userTask_verifyEnterprise" \
  "${CLERK}:${CLERK_PASSWORD}"
expect 200 "the clerk's task list has userTask_verifyEnterprise"
TASK="$(echo "${BODY}" | jq -r '.[0].id')"
echo "  task ${TASK}: $(echo "${BODY}" | jq -c '.[0] | {name, due}')"
call POST "/engine-rest/task/${TASK}/complete" "${CLERK}:${CLERK_PASSWORD}" '{"variables":{"decision":{"value":"reject"}}}'
expect 400 "reject without an opinion is refused ($(echo "${BODY}" | jq -r '(.message // .detail)[0:24]')…)"
call POST "/engine-rest/task/${TASK}/complete" "${CLERK}:${CLERK_PASSWORD}" '{"variables":{"decision":{"value":"approve"}}}'
expect 204 "approve"

step "4. The enterprise gets its mail, logs in, must change the initial password first"
for _ in $(seq 1 60); do
  MAIL_FILE="$(grep -l "account-opened" "${WORK}"/mail/*.eml 2>/dev/null | head -1 || true)"
  [ -n "${MAIL_FILE}" ] && break
  sleep 1
done
[ -n "${MAIL_FILE}" ] || fail "no account-opened mail arrived"
python3 scripts/trial/read-mail.py "${MAIL_FILE}" | sed -e 's/^/  | /' -e 's/\(初始密码：\).*/\1（略）/'
INITIAL="$(python3 scripts/trial/read-mail.py "${MAIL_FILE}" | sed -n 's/^初始密码：\(.*\)$/\1/p')"
[ -n "${INITIAL}" ] || fail "no initial password in the mail"
call GET /api/admissions "${LOGIN}:${INITIAL}"
expect 403 "with the initial password everything else is refused"
echo "  ${BODY}"
NEW_PASSWORD="Ruifeng$(head -c 6 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')2027"
call POST /api/account/password "${LOGIN}:${INITIAL}" "$(jq -n --arg pw "${NEW_PASSWORD}" '{newPassword: $pw}')"
expect 200 "POST /api/account/password"
SELF="${LOGIN}:${NEW_PASSWORD}"

step "5. It applies for admission, then for a project"
ADMISSION="$(jq --arg code "${CREDIT_CODE}" '.creditCode = $code | .enterpriseName = "南昌瑞丰精密机械有限公司"
  | .projectName = "精密齿轮箱生产基地" | .contactEmail = "lihong@ruifeng.example.com"' docs/examples/admission.json)"
call POST /api/admissions "${SELF}" "${ADMISSION}"; expect 201 "POST /api/admissions"
echo "  $(echo "${BODY}" | jq -c '{admissionNumber, status, stage, screening: .screening.result}')"
PROJECT="$(jq --arg code "${CREDIT_CODE}" '.creditCode = $code | .enterpriseName = "南昌瑞丰精密机械有限公司"
  | .projectName = "年产 5 万台精密齿轮箱项目"' docs/examples/application.json)"
call POST /api/projects "${SELF}" "${PROJECT}"; expect 201 "POST /api/projects"
echo "  $(echo "${BODY}" | jq -c '{projectCode, status, stage}')"
call GET /api/projects "${SELF}"; expect 200 "GET /api/projects lists $(echo "${BODY}" | jq length) case(s) of its own"

step "6. Anonymous registrations from one address are limited"
COUNT=0
until [ "${STATUS}" = "429" ] || [ "${COUNT}" -ge 30 ]; do
  call POST /api/enterprise-registrations - '{}'
  COUNT=$((COUNT + 1))
done
expect 429 "after ${COUNT} more calls from this address (10 an hour, bad ones included)"
echo "  Retry-After: $(curl -s -D - -o /dev/null -X POST -H 'Content-Type: application/json' --data '{}' \
  "${BASE}/api/enterprise-registrations" | tr -d '\r' | sed -n 's/^Retry-After: //Ip')"
echo "  ${BODY}"

step "The administrator's view"
call GET "/api/admin/enterprise-accounts?limit=50" "${ADMIN}"; expect 200 "GET /api/admin/enterprise-accounts"
echo "  X-Total-Count $(curl -s -D - -o /dev/null -u "${ADMIN}" "${BASE}/api/admin/enterprise-accounts" \
  | tr -d '\r' | sed -n 's/^X-Total-Count: //Ip'): $(echo "${BODY}" | jq -c '.[]')"
call POST "/api/admin/enterprise-accounts/${LOGIN}/disable" "${ADMIN}"; expect 200 "disable ${LOGIN}"
call GET /api/projects "${SELF}"; expect 401 "${LOGIN} can no longer log in"
echo "  ${BODY}"
call POST "/api/admin/enterprise-accounts/${LOGIN}/enable" "${ADMIN}"; expect 200 "enable ${LOGIN}"
call GET /api/projects "${SELF}"; expect 200 "${LOGIN} logs in again"
call GET "/api/admin/enterprise-accounts/${LOGIN}" "${ADMIN}"; expect 200 "the account's record"
echo "${BODY}" | jq -r '.record[] | "  \(.at)  \(.actor)  \(.detail)"'
call GET "/api/admin/outbox?to=${EMAIL}" "${ADMIN}"; expect 200 "outbox for ${EMAIL}"
echo "${BODY}" | jq -r '.[] | "  \(.status)  \(.subject)"'
echo
echo "TRIAL PASSED: registered ${NUMBER}, verified by ${CLERK}, ${LOGIN} changed its password and applied;"
echo "mail files: $(ls "${WORK}/mail" | wc -l); ParkFlow (prod) was healthy ${HEALTHY_AFTER} s after its start."
