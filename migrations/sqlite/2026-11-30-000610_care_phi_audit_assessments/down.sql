DROP TABLE care_escalations;
DROP TABLE care_assessments;
DROP TABLE care_phi_audit;
CREATE TABLE care_access_audit (
    id         TEXT PRIMARY KEY,
    actor_id   TEXT NOT NULL,
    member_id  TEXT NOT NULL,
    action     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    at         TIMESTAMP NOT NULL
);
CREATE INDEX care_access_audit_member ON care_access_audit (member_id, id);
