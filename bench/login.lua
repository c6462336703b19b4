-- wrk script for bench/login: POSTs one member's correct credentials (each request runs
-- one argon2id verification and opens a session), then prints report.lua's BENCH line.
-- The email comes from the environment (BENCH_LOGIN_EMAIL); the password is fixed.
dofile("bench/report.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format(
  '{"email":"%s","password":"correct horse battery staple","device_label":"bench"}',
  os.getenv("BENCH_LOGIN_EMAIL") or "bench@example.com")
