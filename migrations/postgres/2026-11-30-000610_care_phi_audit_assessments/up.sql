-- Care, part 2 (issue 15): the PHI audit log, assessments and crisis escalations.

-- Every read, write and refused access of health data. Append-only: the triggers below
-- refuse UPDATE and DELETE, so not even erasure rewrites it (the rows hold ids only;
-- HIPAA keeps audit trails for six years). Replaces care_access_audit (admins' profile
-- reads), whose rows move here.
CREATE TABLE care_phi_audit (
    id             TEXT PRIMARY KEY,
    actor_id       TEXT NOT NULL,
    actor_role     TEXT NOT NULL CHECK (actor_role IN ('member', 'coach', 'clinician', 'admin', 'system')),
    subject_id     TEXT,
    resource_type  TEXT NOT NULL,
    resource_id    TEXT,
    action         TEXT NOT NULL,
    outcome        TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied')),
    reason         TEXT,
    request_id     TEXT,
    at             TIMESTAMP NOT NULL
);
CREATE INDEX care_phi_audit_subject ON care_phi_audit (subject_id, id);
CREATE INDEX care_phi_audit_actor ON care_phi_audit (actor_id, id);
CREATE INDEX care_phi_audit_resource ON care_phi_audit (resource_type, resource_id, id);

INSERT INTO care_phi_audit (id, actor_id, actor_role, subject_id, resource_type, resource_id,
                            action, outcome, reason, request_id, at)
SELECT id, actor_id, 'admin', member_id, 'care_profile', member_id, 'read', 'allowed', reason,
       NULL, at
FROM care_access_audit;
DROP TABLE care_access_audit;

-- A completed questionnaire (health data). answers: JSON list of 0–3, in item order;
-- total and severity are the server's scoring of instrument_version.
CREATE TABLE care_assessments (
    id                  TEXT PRIMARY KEY,
    member_id           TEXT NOT NULL,
    instrument          TEXT NOT NULL CHECK (instrument IN ('phq9', 'gad7')),
    instrument_version  INTEGER NOT NULL,
    answers             TEXT NOT NULL,
    total               INTEGER NOT NULL CHECK (total >= 0),
    severity            TEXT NOT NULL,
    escalated           BOOLEAN NOT NULL,
    created_at          TIMESTAMP NOT NULL
);
CREATE INDEX care_assessments_member ON care_assessments (member_id, id);

-- A risk found in an assessment, for a clinician to act on within the SLA: the member's
-- care-team clinician (provider_id) or, without one, the on-call queue (provider_id NULL).
CREATE TABLE care_escalations (
    id                 TEXT PRIMARY KEY,
    member_id          TEXT NOT NULL,
    assessment_id      TEXT NOT NULL REFERENCES care_assessments (id),
    provider_id        TEXT REFERENCES care_providers (id),
    reasons            TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
    due_at             TIMESTAMP NOT NULL,
    acknowledged_by    TEXT,
    acknowledged_at    TIMESTAMP,
    resolved_by        TEXT,
    resolved_at        TIMESTAMP,
    resolution_note    TEXT,
    overdue_alerted_at TIMESTAMP,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX care_escalations_assessment ON care_escalations (assessment_id);
CREATE INDEX care_escalations_member ON care_escalations (member_id, id);
CREATE INDEX care_escalations_provider ON care_escalations (provider_id, id);
CREATE INDEX care_escalations_due ON care_escalations (status, due_at);

CREATE FUNCTION care_phi_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'care_phi_audit is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER care_phi_audit_no_update BEFORE UPDATE ON care_phi_audit
    FOR EACH ROW EXECUTE FUNCTION care_phi_audit_append_only();
CREATE TRIGGER care_phi_audit_no_delete BEFORE DELETE ON care_phi_audit
    FOR EACH ROW EXECUTE FUNCTION care_phi_audit_append_only();
-- TRUNCATE skips row triggers: refuse it too.
CREATE TRIGGER care_phi_audit_no_truncate BEFORE TRUNCATE ON care_phi_audit
    FOR EACH STATEMENT EXECUTE FUNCTION care_phi_audit_append_only();
