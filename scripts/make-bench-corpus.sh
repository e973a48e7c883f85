#!/usr/bin/env bash
# Builds the benchmark corpus: Windows events as NDJSON, at least SIZE_MB (default 1024) MiB, made by repeating the
# shared samples (../shared/data/samples/windows-json). Written to bench-data/ (ignored by git; never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-1024}"
src=../shared/data/samples/windows-json
out=bench-data/windows-${size_mb}m.ndjson
mkdir -p bench-data
unit=bench-data/windows-unit.ndjson
cat "$src/evtx-to-mitre.flat.jsonl" "$src"/otrf/*.json | grep -v '^[[:space:]]*$' > "$unit"
: > "$out"
target=$((size_mb * 1024 * 1024))
block=bench-data/windows-block.ndjson
: > "$block"
for _ in $(seq 1 64); do cat "$unit" >> "$block"; done
while [ "$(stat -c %s "$out")" -lt "$target" ]; do cat "$block" >> "$out"; done
rm -f "$block"
echo "$out: $(stat -c %s "$out") bytes, $(wc -l < "$out") events (unit of $(wc -l < "$unit") distinct events)"
