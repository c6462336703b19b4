-- Care, part 2 (issue 15 point 4): clinical notes on appointments (see the PostgreSQL
-- migration for the design). A signed note is immutable: triggers refuse any change but
-- the re-wrapping of its data key and the pseudonymization of its member, and refuse to
-- delete it.

CREATE TABLE care_clinical_notes (
    id                  TEXT PRIMARY KEY,
    appointment_id      TEXT NOT NULL REFERENCES care_appointments (id),
    member_id           TEXT NOT NULL,
    author_user_id      TEXT NOT NULL,
    amends_id           TEXT REFERENCES care_clinical_notes (id),
    status              TEXT NOT NULL CHECK (status IN ('draft', 'signed')),
    revision            BIGINT NOT NULL CHECK (revision > 0),
    key_id              TEXT NOT NULL,
    wrapped_key         TEXT NOT NULL,
    body_ciphertext     TEXT NOT NULL,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    signed_at           TIMESTAMP,
    CHECK ((status = 'signed') = (signed_at IS NOT NULL)),
    CHECK (amends_id IS NULL OR status = 'signed')
);
CREATE INDEX care_clinical_notes_appointment ON care_clinical_notes (appointment_id, id);
CREATE INDEX care_clinical_notes_member ON care_clinical_notes (member_id, id);
CREATE INDEX care_clinical_notes_amends ON care_clinical_notes (amends_id, id);
CREATE INDEX care_clinical_notes_key ON care_clinical_notes (key_id);

CREATE TRIGGER care_clinical_notes_no_update BEFORE UPDATE ON care_clinical_notes
WHEN OLD.status = 'signed' AND (
    NEW.id IS NOT OLD.id
    OR NEW.appointment_id IS NOT OLD.appointment_id
    OR NEW.author_user_id IS NOT OLD.author_user_id
    OR NEW.amends_id IS NOT OLD.amends_id
    OR NEW.status IS NOT OLD.status
    OR NEW.revision IS NOT OLD.revision
    OR NEW.body_ciphertext IS NOT OLD.body_ciphertext
    OR NEW.created_at IS NOT OLD.created_at
    OR NEW.signed_at IS NOT OLD.signed_at
)
BEGIN
    SELECT RAISE(ABORT, 'a signed clinical note is immutable (UPDATE refused)');
END;
CREATE TRIGGER care_clinical_notes_no_delete BEFORE DELETE ON care_clinical_notes
WHEN OLD.status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'a signed clinical note is immutable (DELETE refused)');
END;
