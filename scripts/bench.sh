#!/usr/bin/env bash
# make bench (after make build): the size and speed benchmarks of the release build,
# benches/bench.mjs. Installs twiggy for the size breakdown when it is missing;
# idempotent like setup.sh, and only here, so that make test never pays for it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TWIGGY_VERSION=0.8.0
# `twiggy --version` says "twiggy-opt 0.8.0".
if [ "$(twiggy --version 2>/dev/null | awk '{print $2}')" != "$TWIGGY_VERSION" ]; then
  printf '\033[1m[bench]\033[0m installing twiggy %s (a few minutes, once)\n' "$TWIGGY_VERSION"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi

# The release wasm as cargo linked it, before wasm-bindgen and wasm-opt: the one that
# still has its function names (trunk builds it on the way to dist/).
export BENCH_WASM="${BENCH_WASM:-${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/roadmap-readiness.wasm}"
# The main module wasm-split makes of it (scripts/wasm.mjs), before wasm-bindgen.
export BENCH_SPLIT_WASM="${BENCH_SPLIT_WASM:-${CARGO_TARGET_DIR:-target}/wasm-split/release/split/roadmap-readiness.wasm}"
export TWIGGY="${TWIGGY:-$(command -v twiggy)}"
node benches/bench.mjs
