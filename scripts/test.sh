#!/usr/bin/env bash
# The whole test suite, as a newcomer and CI run it. It sets up what the tests need itself.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace --all-targets --locked
cargo test --workspace --doc --locked
