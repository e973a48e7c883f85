#!/usr/bin/env bash
# Times libevtx's evtxexport against Vigil's EVTX reader over the same sample files, on one core each.
# Usage: scripts/bench-evtx.sh [N repeats of the file set, default 20] [runs, default 3] [DIR of .evtx, default shared samples]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20}"
RUNS="${2:-3}"
DIR="${3:-$(cd .. && pwd)/shared/data/samples/evtx}"
command -v evtxexport >/dev/null || { echo "evtxexport not found (apt-get install libevtx-utils)" >&2; exit 1; }
mapfile -d '' FILES < <(find "$DIR" -name '*.evtx' -print0 | sort -z)
echo "files: ${#FILES[@]}, repeats: $N, runs: $RUNS"

dotnet build bench/Vigil.Benchmarks -c Release -v quiet -nologo >/dev/null
BENCH=(dotnet artifacts/bin/Vigil.Benchmarks/release/Vigil.Benchmarks.dll)

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Records evtxexport reads per pass (it stops on the two files it cannot read).
EVENTS=$(for f in "${FILES[@]}"; do evtxexport -f xml "$f" 2>/dev/null | grep -c '^<Event ' || true; done | awk '{s+=$1} END {print s}')

theirs=(); ours=()
for run in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    for i in $(seq "$N"); do
        for f in "${FILES[@]}"; do taskset -c 0 evtxexport -f xml "$f" >/dev/null 2>&1 || true; done
    done
    end=$(date +%s.%N)
    rate=$(echo "$EVENTS * $N / ($end - $start)" | bc -l)
    theirs+=("$rate")
    line=$(taskset -c 0 "${BENCH[@]}" evtx -k "$N" "${FILES[@]}")
    ours+=("$(echo "$line" | sed 's/.*events_per_s=\([0-9]*\).*/\1/')")
    echo "run $run: evtxexport $(printf '%.0f' "$rate") events/s; vigil: $line"
done

t=$(printf '%s\n' "${theirs[@]}" | median)
o=$(printf '%s\n' "${ours[@]}" | median)
printf 'median evtxexport -f xml: %.0f events/s (%s records per pass)\n' "$t" "$EVENTS"
printf 'median vigil evtx:        %.0f events/s\n' "$o"
printf 'ratio: %.1fx\n' "$(echo "$o / $t" | bc -l)"
