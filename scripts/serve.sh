#!/usr/bin/env bash
# Sets up what is missing, then serves the explorer with live reload: http://127.0.0.1:8080/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
port="${PORT:-8080}"
say "serving the explorer at http://127.0.0.1:$port/ (Ctrl-C stops)"
# trunk 0.21 misses a seed being removed while it serves; this makes it rebuild then too.
node tools/watch-seeds.mjs seeds &
watcher=$!
trap 'kill "$watcher" 2>/dev/null || true' EXIT
trunk serve --port "$port" "$@"
