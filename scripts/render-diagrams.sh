#!/usr/bin/env bash
# Renders the BPMN models to PNG for the docs: every bpmn/*.bpmn → docs/diagrams/<name>.png
# (or: bash scripts/render-diagrams.sh --out DIR some.bpmn ...), with bpmn-js's viewer in headless Chromium.
#
#   bash scripts/render-diagrams.sh
#
# Not part of .ci/run: it needs a browser. Installs what is missing (as root or with sudo): Debian's chromium,
# a CJK font (fonts-noto-cjk, for the Chinese names) and the npm devDependencies (bpmn-js, playwright-core).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/browser-tools.sh
source scripts/lib/browser-tools.sh
ensure_browser_tools

node scripts/render-diagrams.mjs "$@"
