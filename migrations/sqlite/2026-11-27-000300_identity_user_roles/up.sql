-- Roles as rows (issue 8 point 6): "the admins" is an index lookup on `role`, not a
-- LIKE scan over a JSON column. The table is the only place roles are stored: the JSON
-- column `identity_users.roles` is backfilled into it and dropped.
CREATE TABLE identity_user_roles (
    user_id  TEXT NOT NULL REFERENCES identity_users (id),
    role     TEXT NOT NULL CHECK (role IN ('member', 'coach', 'clinician', 'admin')),
    PRIMARY KEY (user_id, role)
);
CREATE INDEX identity_user_roles_role ON identity_user_roles (role, user_id);

INSERT INTO identity_user_roles (user_id, role)
SELECT DISTINCT u.id, j.value
FROM identity_users u, json_each(u.roles) j;

ALTER TABLE identity_users DROP COLUMN roles;
