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

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

apt_updated=false
apt_install() {
  if [ "${apt_updated}" = false ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    apt_updated=true
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium."
  apt_install chromium
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "Installing a CJK font (fonts-noto-cjk)."
  apt_install fonts-noto-cjk
fi
if [ ! -d node_modules/bpmn-js ] || [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

node scripts/render-diagrams.mjs "$@"
