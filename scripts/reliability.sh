#!/usr/bin/env bash
# The long reliability runs (scripts/test.sh runs small versions of each):
#   property tests with 100,000 cases each, the soak test with 1,000 queries and 200 hashes,
#   and the stress build with 100 documents of nlp-corpus added.
#   bash scripts/reliability.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" browser
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "property tests, 100,000 cases each"
PROPTEST_CASES=100000 cargo test --offline --release -p explorer-core --test properties

step "soak: 1,000 random queries and 200 random hashes"
trunk build --release
SOAK_QUERIES=1000 SOAK_HASHES=200 node --test tests/e2e/soak.test.mjs

step "stress: a 1 MB paragraph, odd files and 100 nlp-corpus documents"
node tests/stress/make-seeds.mjs target/stress-seeds --big 1000000 --many 20 --nlp 100
EXPLORER_SEEDS=target/stress-seeds trunk build --release --dist target/dist-stress
node --test tests/e2e/stress.test.mjs
