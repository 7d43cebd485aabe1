#!/usr/bin/env bash
# Runs every test: formatting and lints, native tests, browser component tests
# (wasm-bindgen-test in headless Chromium and Firefox), end-to-end tests (Playwright +
# Chromium) against a release build in dist/, and the cross-engine suite (WebDriver:
# Chromium, Firefox and WebKit) against the same builds. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" browser
export CHROMEDRIVER=/usr/bin/chromedriver
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all --check
cargo clippy --offline --workspace --all-targets --all-features -- -D warnings
cargo clippy --offline -p text-explorer --target wasm32-unknown-unknown --all-targets --features test-api -- -D warnings
cargo clippy --offline -p text-explorer --target wasm32-unknown-unknown --features views --bin views -- -D warnings
# The delivery JavaScript (service worker, post-build and single-file tools, e2e tests) parses.
for js in pwa/*.js tools/*.mjs tests/e2e/*.mjs tests/engines/*.mjs; do node --check "$js"; done

step "native tests (property tests: PROPTEST_CASES, 256 each by default)"
cargo test --offline --workspace --all-features
# The core also builds for the browser, extraction included.
cargo check --offline -q -p explorer-core --target wasm32-unknown-unknown --all-features

step "browser component tests (headless Chromium, then headless Firefox)"
# wasm-bindgen's runner takes the first driver it finds in GECKODRIVER, CHROMEDRIVER, …
env -u GECKODRIVER -u GECKODRIVER_REMOTE \
  cargo test --offline -p text-explorer --target wasm32-unknown-unknown --test web
GECKODRIVER="$(command -v geckodriver)" GECKODRIVER_ARGS="--binary /usr/bin/firefox-esr" \
  cargo test --offline -p text-explorer --target wasm32-unknown-unknown --test web

step "release build (dist/)"
trunk build --release

step "single-file build (dist-single/text-explorer.html, from dist/)"
node tools/single-file.mjs

step "test-corpus builds (target/dist-hostile/, target/dist-multi/, target/dist-stress/)"
EXPLORER_SEEDS=tests/fixtures/hostile trunk build --dist target/dist-hostile
EXPLORER_SEEDS=tests/fixtures/multi trunk build --dist target/dist-multi
# A 1 MB paragraph, CRLF + BOM, right-to-left text, odd unicode, many documents (and, beside
# them, a whitespace-only file that must stop a build). scripts/reliability.sh adds nlp-corpus.
node tests/stress/make-seeds.mjs target/stress-seeds --big 1000000 --many 20
EXPLORER_SEEDS=target/stress-seeds trunk build --release --dist target/dist-stress

step "end-to-end tests (Playwright + Chromium against dist/)"
# The soak test's small variant; scripts/reliability.sh runs 1,000 queries and 200 hashes.
SOAK_QUERIES="${SOAK_QUERIES:-300}" SOAK_HASHES="${SOAK_HASHES:-60}" \
  node --test --test-concurrency=1 --test-timeout=300000 --test-force-exit tests/e2e/

step "cross-engine end-to-end tests (WebDriver: Chromium, Firefox, WebKit against dist/ and dist-single/)"
node --test --test-concurrency=1 --test-timeout=300000 --test-force-exit tests/engines/

step "all tests passed"
