#!/usr/bin/env bash
# End-to-end trial of project approval (project-approval) as real users do it: starts the default run on a free port
# with a throw-away data folder and every background scheduler on (job executor, reminder scan, mail sender), waits
# for /actuator/health, runs scripts/e2e-project-approval.mjs (HTTP for the enterprise, Tasklist and Cockpit in
# headless Chromium for the clerks and the supervisor), then stops the application, also when anything fails.
#
#   bash scripts/e2e-project-approval.sh
#
# Not part of .ci/run: it needs a browser. Like scripts/browser-check.sh it installs what is missing (as root or with
# sudo): Debian's chromium, a CJK font and the npm devDependencies; it never downloads a browser through Playwright.
# Screenshots land in docs/screenshots/e2e-*.png.
#
# The application runs from a private copy of the compiled classes (target/classes copied into the temporary folder,
# dependencies from Maven's classpath), so a rebuild in the working tree while the trial runs cannot pull classes
# from under it. That is the same application and configuration as `mvn spring-boot:run`. Environment: see
# scripts/lib/e2e-run.sh (PORT, E2E_MAVEN_ARGS, E2E_KEEP, CHROMIUM, PARKFLOW_DEMO_PASSWORD).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/e2e-run.sh
source scripts/lib/e2e-run.sh
e2e_run scripts/e2e-project-approval.mjs
