#!/usr/bin/env bash
# End-to-end throughput, parse-only throughput, their ratio, per-account state size and peak
# memory on the `default` scenario. Figures go to docs/performance.md with this command:
#   bash bench/run.sh [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release src/DistillGuard.Cli -nologo -v quiet >/dev/null
dg="dotnet src/DistillGuard.Cli/bin/Release/net10.0/distillguard.dll"

$dg simulate --scenario default --seed "$seed" --out "$work/data" >/dev/null
echo "== throughput: analyze end to end against parse only, same file, one process"
$dg bench --input "$work/data/exchanges.jsonl.gz" --repeat 3

echo "== peak memory of one analyze run on default (/usr/bin/time -v)"
/usr/bin/time -v $dg analyze --input "$work/data/exchanges.jsonl.gz" --out "$work/out" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt"; exit 1; }
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time.txt"
