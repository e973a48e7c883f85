#!/usr/bin/env bash
# Whole-process measurement for docs/benchmarks.md: hunting a >= 1 GiB NDJSON corpus of Windows events with the full
# SigmaHQ rule set (rules/, rules-emerging-threats/, rules-threat-hunting/) and with 100 of those rules, beside the rate
# of merely tokenizing the same file with Utf8JsonReader, all in the same run. Prints a markdown table of medians.
# Usage: scripts/bench.sh [SIZE_MB=1024] [REPEAT=3]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-1024}"
repeat="${2:-3}"
sigma=../shared/data/sigma
corpus=bench-data/windows-${size_mb}m.ndjson
[ -f "$corpus" ] || scripts/make-bench-corpus.sh "$size_mb"
dotnet build src/Vigil.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/Vigil.Benchmarks -c Release -v q -nologo >/dev/null
vigil=artifacts/bin/Vigil.Cli/release/vigil
bench=artifacts/bin/Vigil.Benchmarks/release/Vigil.Benchmarks

# 100 rules: every 37th rule file (sorted by path) of the full set, so all kinds are represented; linked, not copied.
rules100=bench-data/rules-100
rm -rf "$rules100"; mkdir -p "$rules100"
find "$sigma/rules" "$sigma/rules-emerging-threats" "$sigma/rules-threat-hunting" -name '*.yml' | sort > bench-data/all-rules.txt
awk 'NR % 37 == 1' bench-data/all-rules.txt | head -100 | while read -r f; do ln -s "$(realpath "$f")" "$rules100/$(basename "$f")"; done
echo "rules-100: $(ls "$rules100" | wc -l) rules" >&2

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

run_hunt() { # label threads rules... ; prints "events_per_s peak_rss_mb"
  local threads=$1; shift
  local out rss eps
  out=$( { /usr/bin/time -f "RSS %M" "$vigil" hunt "$corpus" --rules "$@" --format jsonl --output /dev/null \
          --threads "$threads" --no-progress; } 2>&1 || true)
  eps=$(echo "$out" | grep -oE '[0-9,]+ events/s' | tail -1 | tr -d ', events/s')
  rss=$(echo "$out" | grep -oE 'RSS [0-9]+' | awk '{print int($2/1024)}')
  echo "$eps $rss"
}

declare -A results
for i in $(seq 1 "$repeat"); do
  results[tok]+="$("$bench" tokenize "$corpus" | grep -oE '= [0-9,]+ events/s' | tr -d '=, events/s')"$'\n'
  r=$(run_hunt 1 "$sigma/rules" "$sigma/rules-emerging-threats" "$sigma/rules-threat-hunting"); results[full1]+="${r% *}"$'\n'; results[full1rss]+="${r#* }"$'\n'
  r=$(run_hunt 1 "$rules100"); results[r100]+="${r% *}"$'\n'
  r=$(run_hunt 2 "$sigma/rules" "$sigma/rules-emerging-threats" "$sigma/rules-threat-hunting"); results[full2]+="${r% *}"$'\n'; results[full2rss]+="${r#* }"$'\n'
done

tok=$(printf '%s' "${results[tok]}" | median)
full1=$(printf '%s' "${results[full1]}" | median)
r100=$(printf '%s' "${results[r100]}" | median)
full2=$(printf '%s' "${results[full2]}" | median)
rss1=$(printf '%s' "${results[full1rss]}" | median)
rss2=$(printf '%s' "${results[full2rss]}" | median)
echo "corpus: $corpus ($(stat -c %s "$corpus") bytes, $(wc -l < "$corpus") events); $repeat runs, medians; $(nproc) cores; $(lscpu | grep 'Model name' | sed 's/ \+/ /g')"
echo "| measurement | events/s | ratio | peak RSS |"
echo "|---|---|---|---|"
echo "| tokenize only (Utf8JsonReader, 1 core) | $tok | 1.00 | |"
echo "| hunt, 3,754 rules, 1 thread | $full1 | $(awk "BEGIN{printf \"%.2f\", $full1/$tok}") | ${rss1} MB |"
echo "| hunt, 100 rules, 1 thread | $r100 | $(awk "BEGIN{printf \"%.2f\", $r100/$tok}") | |"
echo "| hunt, 3,754 rules, 2 threads | $full2 | $(awk "BEGIN{printf \"%.2f\", $full2/$tok}") | ${rss2} MB |"
echo "cost ratio 3,754 vs 100 rules (per event, 1 thread): $(awk "BEGIN{printf \"%.2f\", $r100/$full1}")"
