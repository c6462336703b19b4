-- Identity (issue 4): accounts, sessions and refresh tokens.
-- email keeps the address as given (trimmed, domain lower-cased); email_normalized is
-- its lower-case form, and its UNIQUE constraint is what decides a duplicate
-- registration, so concurrent sign-ups of one address give exactly one account.
-- roles is a JSON array of role names; password_hash is an argon2id PHC string.
CREATE TABLE identity_users (
    id                TEXT PRIMARY KEY,
    email             TEXT NOT NULL,
    email_normalized  TEXT NOT NULL UNIQUE,
    password_hash     TEXT NOT NULL,
    display_name      TEXT,
    roles             TEXT NOT NULL,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);

-- One row per login (a refresh-token family).
CREATE TABLE identity_sessions (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES identity_users (id),
    device_label  TEXT,
    created_at    TIMESTAMP NOT NULL,
    last_used_at  TIMESTAMP NOT NULL,
    revoked_at    TIMESTAMP
);
CREATE INDEX identity_sessions_user ON identity_sessions (user_id);

-- Opaque refresh tokens, stored as the SHA-256 (hex) of the token only.
CREATE TABLE identity_refresh_tokens (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES identity_sessions (id),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP
);
CREATE INDEX identity_refresh_tokens_session ON identity_refresh_tokens (session_id);
