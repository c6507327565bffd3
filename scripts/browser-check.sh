#!/usr/bin/env bash
# Browser check of the Chinese webapps, end to end: starts the default run (mvn spring-boot:run) on a free port
# with a throw-away data folder, waits for /actuator/health, runs scripts/browser-check.mjs in headless Chromium,
# then stops the application and removes the data folder.
#
#   bash scripts/browser-check.sh
#
# Not part of .ci/run: it needs a browser. It installs what is missing (as root or with sudo): Debian's chromium,
# a CJK font (fonts-noto-cjk, so the screenshots show Chinese and not boxes), and the npm devDependencies
# (playwright-core, from package-lock.json). It never downloads a browser through Playwright.
# Screenshots land in docs/screenshots/. Environment:
#   PORT                      port for the application (default: a free one)
#   BROWSER_CHECK_MAVEN_ARGS  extra Maven arguments, e.g. "-o" to stay offline
#   CHROMIUM                  the browser (default /usr/bin/chromium)
#   PARKFLOW_DEMO_PASSWORD    the demo users' password, if not "demo"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/browser-tools.sh
source scripts/lib/browser-tools.sh
ensure_browser_tools

port="${PORT:-$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')}"
work="$(mktemp -d -t parkflow-browser-check.XXXXXX)"
log="${work}/parkflow.log"
app_pid=""

stop_app() {
  if [ -n "${app_pid}" ] && kill -0 -- "-${app_pid}" 2>/dev/null; then
    echo "Stopping ParkFlow (process group ${app_pid})."
    kill -TERM -- "-${app_pid}" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 -- "-${app_pid}" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-${app_pid}" 2>/dev/null || true
  fi
  rm -rf "${work}"
}
trap stop_app EXIT

echo "Starting ParkFlow (default run) on port ${port}, data in ${work}/postgres, log in ${log}."
# setsid: the application gets a process group of its own, so stopping it stops Maven's forked JVM too.
# shellcheck disable=SC2086
setsid mvn -B -q ${BROWSER_CHECK_MAVEN_ARGS:-} spring-boot:run \
  -Dspring-boot.run.arguments="--parkflow.database.data-dir=${work}/postgres --server.port=${port}" \
  >"${log}" 2>&1 </dev/null &
app_pid=$!

url="http://localhost:${port}"
deadline=$((SECONDS + 300))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "${url}/actuator/health" || true)" = "200" ]; do
  if ! kill -0 "${app_pid}" 2>/dev/null; then
    echo "ParkFlow stopped before it was ready:" >&2
    tail -n 40 "${log}" >&2
    exit 1
  fi
  if [ "${SECONDS}" -ge "${deadline}" ]; then
    echo "ParkFlow was not healthy within 300 s:" >&2
    tail -n 40 "${log}" >&2
    exit 1
  fi
  sleep 2
done
echo "ParkFlow is up at ${url}."

PARKFLOW_URL="${url}" node scripts/browser-check.mjs
