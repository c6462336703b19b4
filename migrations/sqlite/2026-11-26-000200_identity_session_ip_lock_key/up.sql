-- Sessions show the coarse network of their last login or refresh (issue 4 point 3):
-- IPv4 /24 or IPv6 /48, never the full address.
ALTER TABLE identity_sessions ADD COLUMN ip_coarse TEXT;
-- Failed logins count toward the soft-lock by lock_key: the user id, or a hash of an
-- unregistered address, so unknown addresses lock exactly like registered ones and the
-- lock reveals nothing about registration.
ALTER TABLE identity_security_events ADD COLUMN lock_key TEXT;
UPDATE identity_security_events SET lock_key = user_id WHERE kind = 'login_failed';
CREATE INDEX identity_security_events_lock ON identity_security_events (lock_key, kind, created_at);
