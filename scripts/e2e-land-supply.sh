#!/usr/bin/env bash
# End-to-end trial of land supply (land-supply) as real users do it: starts the default run on a free port with a
# throw-away data folder and every background scheduler on (job executor, reminder scan, mail sender), waits for
# /actuator/health, runs scripts/e2e-land-supply.mjs (an approved project flows into land supply; the departments
# complete their steps in Tasklist in headless Chromium; the enterprise follows the parcel over HTTP; every notice is
# in the outbox), then stops the application, also when anything fails.
#
#   bash scripts/e2e-land-supply.sh
#
# Not part of .ci/run: it needs a browser. Like scripts/browser-check.sh it installs what is missing (as root or with
# sudo): Debian's chromium, a CJK font and the npm devDependencies; it never downloads a browser through Playwright.
# Screenshots land in docs/screenshots/e2e-land-*.png.
#
# The application is started and stopped by scripts/lib/e2e-run.sh, as for the other trials (same environment
# variables: PORT, E2E_MAVEN_ARGS, E2E_KEEP, CHROMIUM, PARKFLOW_DEMO_PASSWORD).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/e2e-run.sh
source scripts/lib/e2e-run.sh
e2e_run scripts/e2e-land-supply.mjs
