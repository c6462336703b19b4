ALTER TABLE identity_security_events DROP COLUMN detail;
ALTER TABLE identity_security_events DROP COLUMN actor_id;
ALTER TABLE identity_users DROP COLUMN disabled_at;
ALTER TABLE identity_users DROP COLUMN email_verified_at;
