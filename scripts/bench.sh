#!/usr/bin/env bash
# Runs the benchmarks reported in BENCHMARKS.md (not tests: figures, not pass/fail).
#   bash scripts/bench.sh          everything (about 20 minutes: it builds the 1 M-word corpus
#                                  and the scaling corpora)
#   bash scripts/bench.sh quick    the core, typing on the seed, paint, Lighthouse and size only
#   bash scripts/bench.sh entities entity extraction on the open held-out sets (the rules as
#                                  baseline beside the tagger) and its speed on nlp-corpus;
#                                  fetches the data first (scripts/ner-data.sh)
# 1. the core, natively, on the npm package nlp-corpus (fetched into .bench/, not committed);
# 2. keystroke-to-highlight latency in Chromium on the release build of seeds/;
# 3. text before wasm: paint against a static page (median of 15), and where the time goes;
# 4. Lighthouse 12 (mobile) on dist/, and the gzipped size of dist/;
# 5. (full) the 1 M-word page against FlexSearch 0.8 and MiniSearch 7, typing on it, and the
#    scaling curve. The anchors are installed into .bench/tools, never committed or shipped.
set -euo pipefail
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ "${1:-}" = entities ]; then
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  step "entity data: WNUT-17, BTC, WikiGold, UNER EWT (pinned), nlp-corpus"
  bash scripts/ner-data.sh
  step "entities on the open held-out sets: strict span and kind, PER / ORG / LOC"
  cargo run -q --offline --release -p explorer-core --features train --example entity_eval
  step "entities on the tuning sets (for reference; the settings were chosen on these)"
  cargo run -q --offline --release -p explorer-core --features train --example entity_eval -- --dev
  step "extraction speed on nlp-corpus (release profile; build.rs runs at opt-level 3)"
  cargo run -q --offline --release -p explorer-core --features train --example entity_eval -- --speed .bench/nlp-corpus
  exit 0
fi

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" browser

step "core: analysis throughput and query latency (nlp-corpus, native, release profile)"
node bench/nlp-corpus.mjs
cargo run -q --offline --release -p explorer-core --example bench -- .bench/nlp-corpus
cargo run -q --offline --release -p explorer-core --example word_tools -- .bench/nlp-corpus

step "page: keystroke to highlight (seed corpus, Chromium)"
# The shipped build (dist/) has no test API; the benchmarks that ask the core in the page
# use a build with the `test-api` feature.
trunk build --release >/dev/null
trunk build --release --features test-api --dist target/dist-api >/dev/null
node bench/typing.mjs target/dist-api 5 | grep -v '^slow:'

step "page: text before wasm (paint against a static page, median of 15)"
node bench/paint.mjs dist 15
node bench/paint-trace.mjs dist 7

step "page: Lighthouse 12, mobile (median of 3; installed into .bench/lighthouse)"
if [ ! -f .bench/lighthouse/node_modules/lighthouse/package.json ]; then
  mkdir -p .bench/lighthouse
  npm install --no-save --no-audit --no-fund --prefix .bench/lighthouse lighthouse@12.8.2 >/dev/null
fi
node bench/lighthouse.mjs dist 3

step "page: size of dist/ (gzip -9)"
# The first load: what the page loads before a reader asks for a word tool or corpus view;
# their module (views.*) comes then.
first=0; views=0
for f in dist/*; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c)
  case "$(basename "$f")" in
    views*) views=$((views + gz)) ;;
    *.html|*.js|*.wasm) first=$((first + gz)) ;;
  esac
  printf '| %s | %d | %d |\n' "$(basename "$f")" "$raw" "$gz"
done
printf '| first load (HTML, JS, wasm) | | %d |\n' "$first"
printf '| the views module (views.*), on demand | | %d |\n' "$views"

step "page: loading the views module on demand (seed)"
node bench/views-load.mjs dist 9

[ "${1:-}" = quick ] && exit 0

step "anchors: FlexSearch 0.8.212 and MiniSearch 7.1.3 (into .bench/tools)"
if [ ! -d .bench/tools/node_modules/flexsearch ] || [ ! -d .bench/tools/node_modules/minisearch ]; then
  mkdir -p .bench/tools
  npm install --no-save --no-audit --no-fund --prefix .bench/tools flexsearch@0.8.212 minisearch@7.1.3 >/dev/null
fi

step "the 1 M-word page (nlp-corpus as seeds/) against FlexSearch and MiniSearch"
EXPLORER_SEEDS=.bench/nlp-corpus trunk build --release --features test-api --dist target/dist-bench >/dev/null
node bench/compare.mjs target/dist-bench .bench/nlp-corpus 15

step "page: keystroke to highlight (1 M words)"
node bench/typing.mjs target/dist-bench 5 | grep -v '^slow:'

step "page: the word tools answering a new term (1 M words, Chromium)"
node bench/word-tools.mjs target/dist-bench 15

step "page: loading the views module on demand (1 M words)"
node bench/views-load.mjs target/dist-bench 5

step "scaling: 1x, 10x, 100x, 1000x the seed and the 9 MB corpus"
node bench/scaling.mjs
