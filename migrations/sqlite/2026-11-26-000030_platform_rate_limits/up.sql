-- Fixed-window rate-limit counters, used when Redis is not configured (and as the
-- fallback for writes when it is down). One row per (policy, hashed key, window).
CREATE TABLE platform_rate_limits (
    bucket TEXT PRIMARY KEY,
    count BIGINT NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

CREATE INDEX platform_rate_limits_expires_at ON platform_rate_limits (expires_at);
