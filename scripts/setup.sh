#!/usr/bin/env bash
# Installs whatever the explorer needs and is missing; skips what is already there.
# Sourced by scripts/serve.sh and scripts/test.sh. Pass "browser" to also install the
# test browsers: Debian's Chromium and ChromeDriver, Firefox ESR with geckodriver (from
# crates.io), WebKitGTK's MiniBrowser with WebKitWebDriver, and Xvfb for WebKit's display.
#   trunk 0.21.14 (0.22 needs a newer rustc), wasm-bindgen-cli at the version in Cargo.lock,
#   the wasm32 target, wasm-opt (npm binaryen) and the Node test tools, crates for --offline.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.0
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
apt_install() {
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  # Waits for another apt or dpkg run to finish rather than failing at once.
  $sudo_cmd apt-get update -qq -o DPkg::Lock::Timeout=600
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$@" >/dev/null
}

if ! command -v cargo >/dev/null; then
  echo "Rust is not installed: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The exact wasm-bindgen version trunk and the test runner must match.
wbg_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg_version" ]; then
  # Not --locked: its lock file pins a crate version the registry does not serve.
  say "installing wasm-bindgen-cli $wbg_version (about 5 minutes, once)"
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

if ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  apt_install nodejs npm
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing Node packages (wasm-opt from binaryen, terser, playwright-core, axe-core)"
  npm ci --no-audit --no-fund
fi

say "fetching crates so trunk can build offline"
cargo fetch --locked --quiet

if [ "${1:-}" = "browser" ]; then
  # Each Debian package whose program is missing (MiniBrowser ships in the WebKitGTK library
  # package, in its webkit2gtk-4.1 folder; xvfb-run needs xauth).
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  compgen -G "/usr/lib/*/webkit2gtk-4.1/MiniBrowser" >/dev/null || missing+=(libwebkit2gtk-4.1-0)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  command -v xauth >/dev/null || missing+=(xauth)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing the test browsers from Debian: ${missing[*]} (about 2 minutes, once)"
    apt_install "${missing[@]}"
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -n 1 || true)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
fi
