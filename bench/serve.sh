#!/usr/bin/env bash
# The online service under load, Release build, everything on 127.0.0.1:
#   1. ingest: `replay` streams a simulated log into `serve` (batches of 2,000, one relink at the end);
#   2. decide: `wrk` posts /v1/decide for random known accounts, back to back and paced near 5,000 requests/s.
# Figures go to docs/performance.md with this command:
#   bash bench/serve.sh [scenario] [seed] [wrk seconds]
# Needs wrk (Debian package `wrk`). wrk, the service and the replay share the machine's cores.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-default}
seed=${2:-7}
seconds=${3:-20}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release src/DistillGuard.Cli -nologo -v quiet >/dev/null
dg="dotnet src/DistillGuard.Cli/bin/Release/net10.0/distillguard.dll"
$dg simulate --scenario "$scenario" --seed "$seed" --out "$work/data" >/dev/null

gateway=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
admin=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
sha() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
cat > "$work/service.json" <<JSON
{ "relink_seconds": 86400,
  "tokens": [ { "name": "bench-gateway", "role": "gateway", "sha256": "$(sha "$gateway")" },
              { "name": "bench-admin", "role": "admin", "sha256": "$(sha "$admin")" } ] }
JSON
printf %s "$admin" > "$work/admin.token"

$dg serve --config "$work/service.json" --urls http://127.0.0.1:0 > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 120); do grep -q '^listening on ' "$work/serve.log" && break; sleep 0.5; done
url=$(sed -n 's/^listening on //p' "$work/serve.log" | head -1)
[ -n "$url" ] || { cat "$work/serve.log"; exit 1; }

records=$(gzip -dc "$work/data/exchanges.jsonl.gz" | grep -c .)
echo "== ingest: $records records of scenario $scenario seed $seed, replay --batch 2000, one relink at the end"
start=$(date +%s.%N)
$dg replay --input "$work/data/exchanges.jsonl.gz" --server "$url" --token-file "$work/admin.token" \
  --batch 2000 --relink-every-hours 100000 > "$work/replay.txt"
end=$(date +%s.%N)
grep '^sent' "$work/replay.txt" || true
awk -v n="$records" -v s="$start" -v e="$end" 'BEGIN { printf "ingest: %.1f s wall = %.0f exchanges/s (including the final relink)\n", e - s, n / (e - s) }'

curl -fsS -H "Authorization: Bearer $admin" "$url/v1/accounts?limit=10000" \
  | python3 -c 'import json, sys; [print(json.dumps(a["account_id"])) for a in json.load(sys.stdin)["accounts"]]' > "$work/accounts.txt"
echo "== decide: $(wc -l < "$work/accounts.txt") accounts with verdicts, ${seconds} s per run"
export DG_TOKEN=$gateway DG_ACCOUNTS=$work/accounts.txt
DG_DELAY_MS=0 wrk -t1 -c4 -d5s -s bench/decide.lua "$url" > /dev/null   # warm-up
echo "-- back to back, 1 wrk thread, 8 connections:"
DG_DELAY_MS=0 wrk -t1 -c8 -d"${seconds}s" -s bench/decide.lua "$url" | grep '^decide:'
echo "-- paced: 1 wrk thread, 14 connections, 2 ms between a connection's requests:"
DG_DELAY_MS=2 wrk -t1 -c14 -d"${seconds}s" -s bench/decide.lua "$url" | grep '^decide:'
