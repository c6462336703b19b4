-- TOTP second factor (issue 4, point 8).
--
-- identity_mfa_totp: one row per account that started enrolling. secret_encrypted is
-- the TOTP secret under AES-256-GCM (auth.mfa_encryption_key), "v1." + base64 of
-- nonce || ciphertext, with the user id as associated data, so the secret never sits in
-- the clear and a row copied to another account does not decrypt. enabled_at is NULL
-- while the enrollment is pending (not yet confirmed with a code). last_used_step is the
-- TOTP time step (Unix time / 30) of the last accepted code: a code of that step or an
-- earlier one is refused (replay), decided by a conditional UPDATE.
CREATE TABLE identity_mfa_totp (
    user_id           TEXT PRIMARY KEY REFERENCES identity_users (id),
    secret_encrypted  TEXT NOT NULL,
    created_at        TIMESTAMP NOT NULL,
    enabled_at        TIMESTAMP,
    last_used_step    BIGINT
);

-- One-time recovery codes: only SHA-256 (hex) of user id and code is stored; used_at
-- is set by the one conditional UPDATE that consumes a code.
CREATE TABLE identity_mfa_recovery_codes (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES identity_users (id),
    code_hash   TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP
);
CREATE UNIQUE INDEX identity_mfa_recovery_codes_code ON identity_mfa_recovery_codes (user_id, code_hash);

-- A login that passed the password and waits for the second factor. Only the SHA-256
-- (hex) of the challenge token is stored. attempts counts the codes tried against it.
CREATE TABLE identity_mfa_challenges (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES identity_users (id),
    token_hash    TEXT NOT NULL UNIQUE,
    device_label  TEXT,
    created_at    TIMESTAMP NOT NULL,
    expires_at    TIMESTAMP NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    used_at       TIMESTAMP
);
CREATE INDEX identity_mfa_challenges_user ON identity_mfa_challenges (user_id);

-- How the session's login was authenticated (RFC 8176 amr values, JSON array), so a
-- refresh issues access tokens with the same amr. Sessions opened before this migration
-- were password logins.
ALTER TABLE identity_sessions ADD COLUMN amr TEXT NOT NULL DEFAULT '["pwd"]';
