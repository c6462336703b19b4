-- wrk script for bench/classes: one request class from the environment, then report.lua's
-- BENCH line. BENCH_METHOD, BENCH_BODY (JSON), BENCH_TOKEN (bearer), BENCH_KEYED=1 (a
-- fresh Idempotency-Key per request).
dofile("bench/report.lua")
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
local keyed = os.getenv("BENCH_KEYED") == "1"
local n = 0
local prefix = tostring(math.random(1, 1e9))
request = function()
  if keyed then
    n = n + 1
    wrk.headers["Idempotency-Key"] = prefix .. "-" .. n
  end
  return wrk.format()
end
