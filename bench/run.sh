#!/usr/bin/env bash
# analyze end to end against its anchors (a two-parser parse-only pass, DuckDB read_json_auto + GROUP BY account_id),
# alternated in one process, medians of 3; allocations per exchange, state per account and peak memory.
# Figures go to docs/performance.md with this command:
#   bash bench/run.sh [LOG|SCENARIO]   (LOG: a .jsonl/.jsonl.gz/.parquet file or a folder; SCENARIO: the simulator scenario
#                                       five seeds of which make the 1M-exchange log, `default` if nothing is given;
#                                       `long-prompts` is the realistic one, about 1.2 KB an exchange and 470-character prompts)
# On a shared machine each measured command takes /tmp/dotnet-build.lock, so no neighbour's compile shares the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release src/DistillGuard.Cli -nologo -v quiet >/dev/null
dg="dotnet src/DistillGuard.Cli/bin/Release/net10.0/distillguard.dll"
quiet() { if command -v flock >/dev/null && [ -e /tmp/dotnet-build.lock ]; then flock /tmp/dotnet-build.lock "$@"; else "$@"; fi; }

log=${1:-default}
if [ ! -e "$log" ]; then
  # Five seeds of a scenario (`default`: about 212k exchanges each, 0.93 KB a line on average; distinct accounts per
  # seed): 1.06M exchanges in one plain JSON Lines file.
  scenario=$log
  for seed in 1 2 3 4 5; do
    $dg simulate --scenario "$scenario" --seed "$seed" --out "$work/sim$seed" >/dev/null
    zcat "$work/sim$seed/exchanges.jsonl.gz" >> "$work/exchanges.jsonl"
  done
  log="$work/exchanges.jsonl"
fi
echo "== $log: $(wc -l < "$log" 2>/dev/null || echo '?') lines"

for store in exchanges summary; do
  echo "== analyze --store $store against its anchors (alternated, medians of 3)"
  quiet $dg bench --input "$log" --repeat 3 --store "$store"
done

case "$log" in
  *.jsonl|*.jsonl.gz|*.ndjson)
    echo "== the same log as Parquet (written by DuckDB), analyze --store summary against read_parquet"
    quiet $dg bench --input "$log" --parquet-copy "$work/exchanges.parquet" --repeat 3 --store summary
    ;;
esac

echo "== peak memory of one analyze run (/usr/bin/time -v)"
quiet /usr/bin/time -v $dg analyze --input "$log" --out "$work/out" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt"; exit 1; }
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time.txt"
