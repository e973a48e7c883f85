#!/usr/bin/env bash
# Whole-process measurement of vigil serve for docs/benchmarks.md: sustained HTTP NDJSON ingest of Windows events with
# the full SigmaHQ rule set (rules/, rules-emerging-threats/, rules-threat-hunting/), open loop at a fixed rate, then the
# server's own ingest-to-detection and ingest-to-alert histograms. Beside it, in the same run, the baseline: vigil hunt
# of the same events from a file on one thread (the engine alone, no HTTP, no journal).
# Usage: scripts/bench-serve.sh [RATE=20000] [SECONDS=60] [REPEAT=3] [STEP=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${1:-20000}"
seconds="${2:-60}"
repeat="${3:-3}"
step="${4:-5000}"
sigma=../shared/data/sigma
corpus=bench-data/windows-256m.ndjson
[ -f "$corpus" ] || scripts/make-bench-corpus.sh 256
dotnet build src/Vigil.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/Vigil.Benchmarks -c Release -v q -nologo >/dev/null
vigil=artifacts/bin/Vigil.Cli/release/vigil
bench=artifacts/bin/Vigil.Benchmarks/release/Vigil.Benchmarks
ws=bench-data/serve-ws
rm -rf "$ws"; mkdir -p "$ws/rules"
for d in rules rules-emerging-threats rules-threat-hunting; do ln -s "$(realpath "$sigma/$d")" "$ws/rules/$d"; done
slice=bench-data/serve-slice.ndjson
head -n $((rate * seconds)) "$corpus" > "$slice"
port=18470
for i in $(seq 1 "$repeat"); do
  echo "== run $i: baseline (vigil hunt, 1 thread, same events)"
  "$vigil" hunt "$slice" --rules "$ws/rules" --format jsonl --output /dev/null --threads 1 --no-progress 2>&1 | grep -oE "[0-9,]+ events/s" | tail -1 || true
  echo "== run $i: vigil serve at $rate events/s for $seconds s, detection steps of $step events"
  rm -rf "$ws/.vigil"
  log=bench-data/serve-$i.log
  "$vigil" serve --workspace "$ws" --listen "http://127.0.0.1:$port" --model-tick 3600 --detection-step "$step" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do grep -q "Vigil is serving" "$log" && break; sleep 0.2; done
  key=$(grep -oE 'vgl_[0-9a-f]{12}_[A-Za-z0-9_-]{43}' "$log" | head -1)
  rss_before=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  "$bench" ingest-load "http://127.0.0.1:$port" "$key" "$slice" "$rate" "$seconds" 1000 4
  echo "server RSS: $rss_before MB at start, peak $(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status") MB"
  kill -TERM "$pid"; wait "$pid" || true
done
