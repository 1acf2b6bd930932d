#!/usr/bin/env bash
# The whole test suite, as a newcomer and CI run it. It sets up what the tests need itself.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser test (crates/sitrep-cli/tests/browser.rs) drives headless Chromium through
# chromedriver: Debian's chromium and chromium-driver packages, installed here when missing.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "test.sh: installing chromium and chromium-driver for the browser test" >&2
    as_root=()
    [ "$(id -u)" = 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
export SITREP_BROWSER_TEST=1

cargo test --workspace --all-targets --locked
cargo test --workspace --doc --locked
