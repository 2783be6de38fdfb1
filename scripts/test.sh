#!/usr/bin/env bash
# Every check and test layer, in order of speed: format and lints, native unit /
# property / content tests, the README's network recipe (DuckDB over generated exports),
# browser tests (wasm-bindgen-test in headless Chromium and Firefox ESR), then the
# release build (with its service worker), the checks of what it wrote (tests/dist/),
# the end-to-end tests against it, and the core of them again in all three engines
# (Chromium, Firefox ESR, WebKit).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
# Each step says when it starts (seconds since the start, set-up included).
step() { printf '\n\033[1m== %s\033[0m (at %ss)\n' "$*" "$SECONDS"; }

step "format"
cargo fmt --check

step "clippy (host and wasm32, and wasm32 split as the release builds it)"
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy --target wasm32-unknown-unknown --features split -- -D warnings

step "native tests"
cargo test

step "network recipe (README's DuckDB query over generated exports)"
node --test tests/network/

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

step "browser tests (wasm-bindgen-test, headless Firefox ESR)"
# The runner takes GECKODRIVER first; CHROMEDRIVER is unset so that nothing else is used.
env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" \
  cargo test --target wasm32-unknown-unknown --test web

# Through the Makefile, as the README tells a person to build: CI runs this from a fresh
# clone (.ci/run), so `make build` from a fresh clone is what it checks.
step "release build (make build)"
make build

step "the built page against its policy (node --test tests/dist/)"
node --test tests/dist/

step "end-to-end tests (Playwright, Chromium, axe; offline and the update)"
npx playwright test --config tests/e2e/playwright.config.mjs

step "the core in every engine (WebDriver: Chromium, Firefox ESR, WebKit under Xvfb)"
GECKODRIVER="$(command -v geckodriver)" xvfb-run -a node --test tests/browsers/
