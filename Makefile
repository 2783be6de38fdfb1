# The two commands of the README, and the pieces they are made of. Recipes source
# scripts/env.sh, which needs bash (make's default /bin/sh is dash on Debian).
SHELL := /bin/bash
.PHONY: serve test setup build bench fuzz clean

serve: ## install what is missing, build, serve on http://127.0.0.1:8080/
	bash scripts/serve.sh

test: ## install what is missing, run every check and test layer
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

build: setup
	. scripts/env.sh && trunk build --release

bench: build ## size (by crate and function) and speed benchmarks; installs twiggy if missing
	bash scripts/bench.sh

fuzz: ## the long import fuzz: a million inputs or more (FUZZ_CASES=, FUZZ_SEED=), no panic
	cargo run --profile fuzz --example fuzz_import

clean:
	cargo clean && rm -rf dist test-results
