-- Refresh-token rotation (issue 4, point 2). Each session (token family) gets a random
-- secret: a token's successor is HMAC-SHA256(secret, token), so a retry of a refresh
-- within the grace window gets the same new token back without it being stored in the
-- clear. Sessions opened before this migration have an empty secret and cannot refresh.
ALTER TABLE identity_sessions ADD COLUMN refresh_secret TEXT NOT NULL DEFAULT '';
