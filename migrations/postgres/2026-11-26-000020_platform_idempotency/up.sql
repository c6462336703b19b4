-- Idempotency keys (RFC 0002 "Writes"): one row per (scope, key). A request claims its
-- key by inserting a 'running' row (the primary key makes the claim race-free across
-- nodes); when the endpoint finishes, the row becomes 'done' and holds the response to
-- replay until expires_at. A 'running' row's expires_at is a lease, so a claim whose
-- node died is taken over once it lapses.
CREATE TABLE platform_idempotency_keys (
    scope             TEXT NOT NULL,
    key               TEXT NOT NULL,
    method            TEXT NOT NULL,
    path              TEXT NOT NULL,
    body_hash         TEXT NOT NULL,
    state             TEXT NOT NULL CHECK (state IN ('running', 'done')),
    response_status   INTEGER,
    response_headers  TEXT,
    response_body     BYTEA,
    created_at        TIMESTAMP NOT NULL,
    expires_at        TIMESTAMP NOT NULL,
    PRIMARY KEY (scope, key)
);
-- The hourly purge deletes by expiry.
CREATE INDEX platform_idempotency_keys_expires ON platform_idempotency_keys (expires_at);
