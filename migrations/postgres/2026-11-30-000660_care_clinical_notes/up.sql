-- Care, part 2 (issue 15 point 4): clinical notes on appointments. The body is encrypted
-- at rest (AES-256-GCM under a per-note data key; the data key is wrapped by a master key
-- named by key_id). A signed note is immutable: the database refuses any change to it but
-- the re-wrapping of its data key (master key rotation) and the pseudonymization of its
-- member (erasure), and refuses to delete it. Changes are amendments: notes of their own,
-- signed on creation, that name the note they amend.

CREATE TABLE care_clinical_notes (
    id                  TEXT PRIMARY KEY,
    appointment_id      TEXT NOT NULL REFERENCES care_appointments (id),
    member_id           TEXT NOT NULL,
    author_user_id      TEXT NOT NULL,
    -- The signed note an amendment amends (NULL: a note of its own).
    amends_id           TEXT REFERENCES care_clinical_notes (id),
    status              TEXT NOT NULL CHECK (status IN ('draft', 'signed')),
    -- Optimistic concurrency of drafts: the ETag is "r{revision}".
    revision            BIGINT NOT NULL CHECK (revision > 0),
    key_id              TEXT NOT NULL,
    -- base64(nonce || AES-256-GCM(master key, data key)); associated data: id and key_id.
    wrapped_key         TEXT NOT NULL,
    -- base64(nonce || AES-256-GCM(data key, body)); associated data: id.
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

CREATE FUNCTION care_clinical_notes_signed_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'signed' THEN
            RAISE EXCEPTION 'a signed clinical note is immutable (DELETE refused)'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status = 'signed' AND (
        NEW.id IS DISTINCT FROM OLD.id
        OR NEW.appointment_id IS DISTINCT FROM OLD.appointment_id
        OR NEW.author_user_id IS DISTINCT FROM OLD.author_user_id
        OR NEW.amends_id IS DISTINCT FROM OLD.amends_id
        OR NEW.status IS DISTINCT FROM OLD.status
        OR NEW.revision IS DISTINCT FROM OLD.revision
        OR NEW.body_ciphertext IS DISTINCT FROM OLD.body_ciphertext
        OR NEW.created_at IS DISTINCT FROM OLD.created_at
        OR NEW.signed_at IS DISTINCT FROM OLD.signed_at
    ) THEN
        RAISE EXCEPTION 'a signed clinical note is immutable (UPDATE refused)'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER care_clinical_notes_no_update BEFORE UPDATE ON care_clinical_notes
    FOR EACH ROW EXECUTE FUNCTION care_clinical_notes_signed_immutable();
CREATE TRIGGER care_clinical_notes_no_delete BEFORE DELETE ON care_clinical_notes
    FOR EACH ROW EXECUTE FUNCTION care_clinical_notes_signed_immutable();
-- TRUNCATE skips row triggers: refuse it outright.
CREATE FUNCTION care_clinical_notes_no_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'clinical notes cannot be truncated'
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER care_clinical_notes_no_truncate BEFORE TRUNCATE ON care_clinical_notes
    FOR EACH STATEMENT EXECUTE FUNCTION care_clinical_notes_no_truncate();
