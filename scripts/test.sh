#!/usr/bin/env bash
# Runs every test: formatting and lints, native tests, browser component tests
# (wasm-bindgen-test in headless Chromium) and end-to-end tests (Playwright + Chromium)
# against a release build in dist/. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" browser
export CHROMEDRIVER=/usr/bin/chromedriver
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all --check
cargo clippy --offline --workspace --all-targets --all-features -- -D warnings
cargo clippy --offline -p text-explorer --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests"
cargo test --offline --workspace --all-features
# The core also builds for the browser, extraction included.
cargo check --offline -q -p explorer-core --target wasm32-unknown-unknown --all-features

step "browser component tests (headless Chromium)"
cargo test --offline -p text-explorer --target wasm32-unknown-unknown --test web

step "release build (dist/)"
trunk build --release

step "test-corpus builds (target/dist-hostile/, target/dist-multi/)"
EXPLORER_SEEDS=tests/fixtures/hostile trunk build --dist target/dist-hostile
EXPLORER_SEEDS=tests/fixtures/multi trunk build --dist target/dist-multi

step "end-to-end tests (Playwright + Chromium against dist/)"
node --test --test-concurrency=1 tests/e2e/

step "all tests passed"
