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

# 4. Chromium and its driver from Debian, for wasm-bindgen-test and the end-to-end tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "installing chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi

# 5. npm tooling from the committed lockfile: binaryen's wasm-opt (Debian's 108 builds
#    a wasm that crashes in Chromium), Playwright and axe; DuckDB (its native library
#    ships inside the registry package) and smol-toml for the network recipe's test.
#    Never a browser download.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] \
   || [ ! -f node_modules/@duckdb/node-api/package.json ] || [ ! -f node_modules/smol-toml/package.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm tooling (npm ci)"
  npm ci --no-audit --no-fund
fi

log "ready"
