ALTER TABLE identity_users ADD COLUMN roles TEXT NOT NULL DEFAULT '[]';
UPDATE identity_users
SET roles = COALESCE(
    (SELECT json_group_array(role) FROM (
        SELECT r.role FROM identity_user_roles r WHERE r.user_id = identity_users.id
        ORDER BY CASE r.role WHEN 'member' THEN 0 WHEN 'coach' THEN 1
                             WHEN 'clinician' THEN 2 ELSE 3 END)),
    '[]');
DROP TABLE identity_user_roles;
