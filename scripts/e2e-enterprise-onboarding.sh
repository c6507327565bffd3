#!/usr/bin/env bash
# End-to-end trial of enterprise admission (enterprise-onboarding) as a new user would try it with the default run:
# the enterprise applies over HTTP, the departments assess in Tasklist (headless Chromium, zh-CN, screenshots in
# docs/screenshots/e2e-onboarding-*.png), the park decides and signs, the liaison follows the milestones, and every
# notice is in the outbox (scripts/e2e-enterprise-onboarding.mjs says what it checks).
#
#   bash scripts/e2e-enterprise-onboarding.sh
#
# The one difference from the default run: the milestone-warning scan runs every 5 seconds instead of daily at 8:00
# (PARKFLOW_ONBOARDING_MILESTONE_WARNING_CRON), so the trial sees the warnings without waiting for the morning.
# Not part of .ci/run: it needs a browser; it installs Debian's chromium, a CJK font and the npm devDependencies when
# missing. Environment: see scripts/lib/e2e-run.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PARKFLOW_ONBOARDING_MILESTONE_WARNING_CRON="${PARKFLOW_ONBOARDING_MILESTONE_WARNING_CRON:-*/5 * * * * *}"
# shellcheck source=lib/e2e-run.sh
source scripts/lib/e2e-run.sh
e2e_run scripts/e2e-enterprise-onboarding.mjs
