#!/usr/bin/env bash
# Every check and test layer, in order of speed: format and lints, native unit /
# property / content tests, the README's network recipe (DuckDB over generated exports),
# browser tests (wasm-bindgen-test in headless Chromium), then the release build, the
# checks of what it wrote (tests/dist/) and the end-to-end tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check

step "clippy (host and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test

step "network recipe (README's DuckDB query over generated exports)"
node --test tests/network/

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

# Through the Makefile, as the README tells a person to build: CI runs this from a fresh
# clone (.ci/run), so `make build` from a fresh clone is what it checks.
step "release build (make build)"
make build

step "the built page against its policy (node --test tests/dist/)"
node --test tests/dist/

step "end-to-end tests (Playwright, Chromium, axe)"
npx playwright test --config tests/e2e/playwright.config.mjs
