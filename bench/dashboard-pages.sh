#!/usr/bin/env bash
# Server time of every dashboard page on the `default` scenario, read from the Server-Timing header the
# dashboard sets (app;dur=MS: routing to the last byte written, without the network). The service is fed
# by `replay` of the simulated log, then each page is fetched once cold and then --repeat times.
# Figures go to docs/performance.md with this command:
#   bash bench/dashboard-pages.sh [seed] [repeat]
# Set SKIP_BUILD=1 when the Release CLI is already built (to run the timing under flock /tmp/dotnet-build.lock).
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-1}
repeat=${2:-20}
work=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
[ "${SKIP_BUILD:-0}" = 1 ] || dotnet build -c Release src/DistillGuard.Cli -nologo -v quiet >/dev/null
dg="dotnet src/DistillGuard.Cli/bin/Release/net10.0/distillguard.dll"

$dg simulate --scenario default --seed "$seed" --out "$work/data" >/dev/null
token="bench-admin-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s' "$token" > "$work/admin.token"
sha=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
printf '{"tokens":[{"name":"bench","role":"admin","sha256":"%s"}],"relink_seconds":3600}\n' "$sha" > "$work/service.json"
$dg serve --config "$work/service.json" --db "$work/service.duckdb" --urls http://127.0.0.1:0 > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do grep -q "listening on" "$work/serve.log" && break; sleep 0.5; done
base=$(grep -m1 -oE "http://127\.0\.0\.1:[0-9]+" "$work/serve.log")
echo "== replay of default into $base"
$dg replay --input "$work/data/exchanges.jsonl.gz" --server "$base" --token-file "$work/admin.token" --batch 2000 | tail -3
curl -sf -X POST -H "Authorization: Bearer $token" "$base/v1/relink" > /dev/null

# Log in as a browser does: the login form's one-time value, then the token for a session cookie.
jar="$work/cookies"
form=$(curl -sf -c "$jar" "$base/ui/login" | grep -oE 'name="_form_token" value="[^"]+"' | sed -E 's/.*value="([^"]+)"/\1/')
curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_form_token=$form" --data-urlencode "token=$token" "$base/ui/login"
campaign=$(curl -sf -H "Authorization: Bearer $token" "$base/v1/campaigns" | grep -oE '"campaign_id":"[^"]+","accounts":\[[^]]*\]' \
  | awk -F'"accounts":' '{ n = gsub(/,/, ",", $2); print n + 1, $0 }' | sort -rn | head -1 | grep -oE '"campaign_id":"[^"]+"' | cut -d'"' -f4)
account=$(curl -sf -H "Authorization: Bearer $token" "$base/v1/campaigns/$campaign" | grep -oE '"members":\[\{"account_id":"[^"]+"' | cut -d'"' -f6)

timing() { curl -s -o /dev/null -D - -b "$jar" "$base$1" | tr -d '\r' | grep -i '^server-timing:' | sed -E 's/.*dur=([0-9.]+).*/\1/'; }
printf "%-34s %10s %10s %10s %10s\n" page "cold ms" "median ms" "p95 ms" "max ms"
for page in "/ui/campaigns" "/ui/campaign?id=$campaign" "/ui/account?id=$account" "/ui/labels" "/ui/audit"; do
  cold=$(timing "$page")
  for _ in $(seq 1 "$repeat"); do timing "$page"; done | sort -n > "$work/t"
  n=$(wc -l < "$work/t")
  printf "%-34s %10s %10s %10s %10s\n" "${page%%\?*}" "$cold" "$(sed -n "$(( (n + 1) / 2 ))p" "$work/t")" "$(sed -n "$(( (n * 95 + 99) / 100 ))p" "$work/t")" "$(tail -1 "$work/t")"
done
echo "campaign $campaign ($(curl -sf -H "Authorization: Bearer $token" "$base/v1/campaigns/$campaign" | grep -oE '"accounts":\[[^]]*\]' | head -1 | tr ',' '\n' | wc -l) accounts), account $account"
