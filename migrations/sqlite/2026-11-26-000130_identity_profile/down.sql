ALTER TABLE identity_users DROP COLUMN marketing_consent_at;
ALTER TABLE identity_users DROP COLUMN marketing_consent;
ALTER TABLE identity_users DROP COLUMN locale;
ALTER TABLE identity_users DROP COLUMN time_zone;
