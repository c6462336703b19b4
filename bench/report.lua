-- wrk script for bench/run: no request changes, one parseable summary line at the end.
--   BENCH rps=<req/s> p50_ms=<ms> p99_ms=<ms> requests=<n> non2xx=<n> errors=<n>
-- non2xx counts responses with status >= 400 (wrk's "status" errors); errors counts
-- connect/read/write/timeout failures. bench/run rejects runs where either is non-zero.

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d non2xx=%d errors=%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    summary.requests,
    e.status,
    e.connect + e.read + e.write + e.timeout))
end
