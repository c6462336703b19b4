ALTER TABLE identity_users ADD COLUMN roles TEXT NOT NULL DEFAULT '[]';
UPDATE identity_users u
SET roles = COALESCE(
    (SELECT json_agg(r.role ORDER BY CASE r.role WHEN 'member' THEN 0 WHEN 'coach' THEN 1
                                                 WHEN 'clinician' THEN 2 ELSE 3 END)::text
     FROM identity_user_roles r WHERE r.user_id = u.id),
    '[]');
ALTER TABLE identity_users ALTER COLUMN roles DROP DEFAULT;
DROP TABLE identity_user_roles;
