#!/usr/bin/env bash
# Whole-process figures for docs/benchmarks.md (issue #3): hunting a large EVTX file with the full SigmaHQ rule set
# (rules/, rules-emerging-threats/, rules-threat-hunting/) on one thread, beside the rate of merely parsing the same
# file with the EVTX reader, in the same run. Prints medians of RUNS runs and peak RSS.
# Usage: scripts/bench-evtx-hunt.sh [SIZE_MB=256] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-256}"
runs="${2:-3}"
sigma=../shared/data/sigma
file=bench-data/samples-${size_mb}m.evtx
[ -f "$file" ] || python3 scripts/make-evtx-corpus.py "$file" "$size_mb" --skip ID1116-1117 --skip ID2003-4950
dotnet build src/Vigil.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/Vigil.Benchmarks -c Release -v q -nologo >/dev/null
vigil=artifacts/bin/Vigil.Cli/release/vigil
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

parse=(); hunt=(); rss=()
for run in $(seq "$runs"); do
  line=$(taskset -c 0 dotnet artifacts/bin/Vigil.Benchmarks/release/Vigil.Benchmarks.dll evtx -k 1 "$file")
  parse+=("$(echo "$line" | sed 's/.*events_per_s=\([0-9]*\).*/\1/')")
  events=$(echo "$line" | sed 's/.*events=\([0-9]*\).*/\1/')
  out=$( { /usr/bin/time -f "TIME %e RSS %M" taskset -c 0 "$vigil" hunt "$file" --rules "$sigma/rules" "$sigma/rules-emerging-threats" \
          "$sigma/rules-threat-hunting" --format jsonl --output /dev/null --threads 1 --no-progress; } 2>&1 || true)
  # The hunt's own rate (reading and matching, after the rules are loaded) from its summary line.
  eps=$(echo "$out" | sed -n 's/.* in [0-9.]* s, \([0-9,]*\) events\/s.*/\1/p' | tr -d ',')
  kb=$(echo "$out" | sed -n 's/.*RSS \([0-9]*\).*/\1/p')
  hunt+=("$eps")
  rss+=("$kb")
  echo "run $run: parse $line; hunt $eps events/s, peak RSS $((kb / 1024)) MB" >&2
done
p=$(printf '%s\n' "${parse[@]}" | median); h=$(printf '%s\n' "${hunt[@]}" | median); r=$(printf '%s\n' "${rss[@]}" | median)
printf '| EVTX parse only (1 core) | %.0f events/s | |\n' "$p"
printf '| vigil hunt, 3,754 rules, 1 thread (read + match, after rule load) | %.0f events/s | %d MB |\n' "$h" "$((r / 1024))"
