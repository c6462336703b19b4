-- Account state shared by the identity features of issue 4:
--   email_verified_at: when the member proved they own the address (points 4 and 7:
--     verification gates organization joins); NULL until then, and again after the
--     address changes.
--   disabled_at: set by an admin (point 6); a disabled account cannot log in or refresh.
-- Security events gain who acted (an admin, for role changes) and a short, secret-free
-- detail (e.g. "roles: member -> member,coach").
ALTER TABLE identity_users ADD COLUMN email_verified_at TIMESTAMP;
ALTER TABLE identity_users ADD COLUMN disabled_at TIMESTAMP;
ALTER TABLE identity_security_events ADD COLUMN actor_id TEXT;
ALTER TABLE identity_security_events ADD COLUMN detail TEXT;
