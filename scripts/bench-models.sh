#!/usr/bin/env bash
# Whole-process cost of the behavioural models beside the full SigmaHQ rule set (issue #4, docs/benchmarks.md).
# Simulates an organisation (default: 200 people, 28 days, seed 1) into bench-data/, then hunts it RUNS times with the
# full rule set: bare (rules only), with the organisation's context (normalization and enrichment), and with the
# context and --models; interleaved. Prints per run: events, the
# hunt phase (rules, normalization, enrichment, observation collection), the model phase, wall time and peak RSS.
# Usage: scripts/bench-models.sh [users] [days] [runs] [threads]
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-200}; days=${2:-28}; runs=${3:-3}; threads=${4:-2}
rules=../shared/data/sigma/rules
dotnet build src/Vigil.Cli -c Release -v quiet >/dev/null
vigil="dotnet artifacts/bin/Vigil.Cli/release/vigil.dll"
sim=bench-data/sim-$users-$days
[ -d "$sim" ] || $vigil simulate --users "$users" --days "$days" --seed 1 --out "$sim" >/dev/null
echo "mode,run,events,hunt_s,models_s,wall_s,rss_mb"
for run in $(seq 1 "$runs"); do
  for mode in bare rules models; do
    extra=(--context "$sim/context"); [ "$mode" = bare ] && extra=()
    [ "$mode" = models ] && extra=(--context "$sim/context" --models models)
    log=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$log.time" $vigil hunt "$sim/logs" --rules "$rules" "${extra[@]}" \
      --threads "$threads" --format jsonl -o /dev/null --no-progress 2>"$log" || true
    events=$(grep -oE "[0-9,]+ events read" "$log" | tr -d ', a-z')
    hunt=$(grep -oE "in [0-9.]+ s, [0-9,]+ events/s" "$log" | grep -oE "^in [0-9.]+" | tr -d 'in ')
    models=$(grep -oE "scored in [0-9.]+ s" "$log" | grep -oE "[0-9.]+" || echo 0)
    read -r wall rss < <(tail -1 "$log.time")
    echo "$mode,$run,$events,$hunt,${models:-0},$wall,$((rss / 1024))"
    rm -f "$log" "$log.time"
  done
done
