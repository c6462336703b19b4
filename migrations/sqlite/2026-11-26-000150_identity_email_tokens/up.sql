-- Single-use tokens mailed to a member (issue 4, point 4): email verification and
-- password reset. Only the SHA-256 (hex) of a 256-bit random token is stored; the token
-- itself exists only in the email. `email_normalized` is the address the token was sent
-- to: it no longer verifies (or resets) once the account's address has changed.
CREATE TABLE identity_email_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    token_hash TEXT NOT NULL UNIQUE,
    email_normalized TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX identity_email_tokens_user ON identity_email_tokens (user_id, purpose);
