DROP INDEX identity_security_events_lock;
ALTER TABLE identity_security_events DROP COLUMN lock_key;
ALTER TABLE identity_sessions DROP COLUMN ip_coarse;
