# Sourced by the browser scripts (browser-check, render-diagrams, e2e-project-approval): installs what they need when
# it is missing, as root or with sudo: Debian's chromium, a CJK font for the Chinese names, and the npm
# devDependencies (playwright-core, bpmn-js). It never downloads a browser through Playwright.

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

ensure_browser_tools() {
  if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
    echo "Installing Debian's chromium."
    apt_install chromium
  fi
  if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    echo "Installing a CJK font (fonts-noto-cjk)."
    apt_install fonts-noto-cjk
  fi
  if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/bpmn-js ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
