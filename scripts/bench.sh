#!/usr/bin/env bash
# Runs the benchmarks reported in BENCHMARKS.md (not tests: figures, not pass/fail).
#   bash scripts/bench.sh
# 1. the core, natively, on the npm package nlp-corpus (fetched into .bench/, not committed);
# 2. keystroke-to-highlight latency in Chromium on the release build of seeds/;
# 3. the gzipped size of dist/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" browser
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "core: analysis throughput and query latency (nlp-corpus, native, release profile)"
node bench/nlp-corpus.mjs
cargo run -q --offline --release -p explorer-core --example bench -- .bench/nlp-corpus

step "page: keystroke to highlight (seed corpus, Chromium)"
trunk build --release >/dev/null
node bench/typing.mjs "" 5 | grep -v '^slow:'

step "page: size of dist/ (gzip -9)"
total=0
for f in dist/*; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '| %s | %d | %d |\n' "$(basename "$f")" "$raw" "$gz"
done
printf '| total | | %d |\n' "$total"
