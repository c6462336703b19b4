ALTER TABLE identity_sessions DROP COLUMN refresh_secret;
