-- Security events (issue 4, point 11): append-only; the application only inserts. No
-- secrets: no passwords, tokens or hashes. user_id is NULL when the account is unknown.
CREATE TABLE identity_security_events (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    user_id     TEXT,
    session_id  TEXT,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX identity_security_events_user ON identity_security_events (user_id, created_at);
