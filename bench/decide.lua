-- wrk script for POST /v1/decide: a random known account per request, optionally paced.
-- Environment: DG_TOKEN (a gateway token), DG_ACCOUNTS (a file of account ids, one a line),
-- DG_DELAY_MS (pause per connection between requests; 0 sends back to back).
local token = os.getenv("DG_TOKEN")
local pause = tonumber(os.getenv("DG_DELAY_MS") or "0")
local bodies = {}

for id in io.lines(os.getenv("DG_ACCOUNTS")) do
  bodies[#bodies + 1] = '{"account_id":' .. id .. ',"model":"bench-model","client_ip":"203.0.113.7"}'
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  return wrk.format(nil, "/v1/decide", nil, bodies[math.random(#bodies)])
end

function delay()
  return pause
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("decide: %d requests in %.1f s = %.0f requests/s; errors %d (status %d, timeout %d); latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests, seconds, summary.requests / seconds,
    summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write,
    summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
