#!/usr/bin/env bash
# Scores extraction on the seed reports with ../shared/eval/score.py (needs ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SITREP_SHARED:-../shared}"
if [ ! -f "$SHARED/eval/score.py" ] || [ ! -f "$SHARED/corpus/seeds.jsonl" ]; then
    echo "eval: $SHARED/eval/score.py or $SHARED/corpus/seeds.jsonl not found; set SITREP_SHARED to the shared folder" >&2
    exit 2
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
cargo run --release --quiet -- extract --format jsonl "$SHARED/corpus/seeds.jsonl" > "$OUT/seeds.jsonl"
python3 "$SHARED/eval/score.py" --gold "$SHARED/eval/gold/seeds.json" --pred "$OUT/seeds.jsonl" --corpus "$SHARED/corpus/seeds.jsonl" "$@"
