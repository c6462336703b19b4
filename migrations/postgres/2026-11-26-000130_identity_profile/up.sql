-- Profile and preferences (issue 4, point 9). time_zone is an IANA zone name and locale
-- a BCP 47 tag, both validated by the application; NULL means not set.
-- marketing_consent_at is when the consent last changed (NULL: never given or withdrawn).
ALTER TABLE identity_users ADD COLUMN time_zone TEXT;
ALTER TABLE identity_users ADD COLUMN locale TEXT;
ALTER TABLE identity_users ADD COLUMN marketing_consent BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE identity_users ADD COLUMN marketing_consent_at TIMESTAMP;
