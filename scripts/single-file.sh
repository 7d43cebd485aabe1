#!/usr/bin/env bash
# Builds the explorer as one self-contained HTML file that opens from file:// with no server:
# dist-single/text-explorer.html (a release build, then tools/single-file.mjs). Installs what
# is missing first. Arguments go to the tool: [dist-folder] [output.html].
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release
node tools/single-file.mjs "$@"
