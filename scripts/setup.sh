#!/usr/bin/env bash
# Installs what is missing to build, serve and test Roadmap Readiness on a Debian
# machine with rustup, Node.js and npm. Idempotent: every step checks first, so a
# second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# 1. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. trunk, at the version verified with this toolchain (0.22 needs a newer rustc).
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about six minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen-cli, exactly the version Cargo.lock pins for the wasm-bindgen crate.
#    Not --locked: the registry lacks one of its locked dependencies.
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# 3b. wasm-split-cli, which splits the app's wasm into chunks fetched when a view first
#     opens (scripts/wasm.mjs); its crate is the one wasm_split_helpers (the split
#     points, in Cargo.lock through leptos) is made for. It has no --version: cargo's list
#     of installed crates says.
SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:"; then
  log "installing wasm-split-cli (wasm_split_cli_support $SPLIT_VERSION, about a minute, once)"
  cargo install wasm_split_cli_support --version "$SPLIT_VERSION" --locked --features build-binary
fi

# 4. The three browser engines and their drivers from Debian: Chromium and chromedriver
#    (wasm-bindgen-test, the end-to-end tests), Firefox ESR (geckodriver below) and
#    WebKitGTK's WebKitWebDriver with its MiniBrowser, Safari's engine, which needs a
#    display: xvfb-run. One `apt-get update`, only when something is missing.
APT_NEEDS=()
[ -x /usr/bin/chromium ] || APT_NEEDS+=(chromium)
[ -x /usr/bin/chromedriver ] || APT_NEEDS+=(chromium-driver)
[ -x /usr/bin/firefox-esr ] || APT_NEEDS+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || APT_NEEDS+=(webkit2gtk-driver)
[ -x /usr/bin/xvfb-run ] || APT_NEEDS+=(xvfb)
if [ ${#APT_NEEDS[@]} -gt 0 ]; then
  log "installing ${APT_NEEDS[*]} (about a minute, once)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${APT_NEEDS[@]}"
fi

# 4b. geckodriver, Firefox's WebDriver, from the crate registry (the npm package of that
#     name downloads a binary, which cannot work here).
GECKODRIVER_VERSION=0.37.1
if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
  log "installing geckodriver $GECKODRIVER_VERSION (about four minutes, once)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# 5. npm tooling from the committed lockfile: binaryen's wasm-opt (Debian's 108 builds
#    a wasm that crashes in Chromium), Playwright and axe; DuckDB (its native library
#    ships inside the registry package) and smol-toml for the network recipe's test;
#    workbox-build, which writes the service worker at build time; selenium-webdriver
#    for the suite that runs in all three engines. Never a browser download.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] \
   || [ ! -f node_modules/@duckdb/node-api/package.json ] || [ ! -f node_modules/smol-toml/package.json ] \
   || [ ! -f node_modules/workbox-build/package.json ] || [ ! -f node_modules/selenium-webdriver/package.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm tooling (npm ci)"
  npm ci --no-audit --no-fund
fi

log "ready"
