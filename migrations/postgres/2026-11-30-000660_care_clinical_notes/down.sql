DROP TABLE care_clinical_notes;
DROP FUNCTION care_clinical_notes_signed_immutable();
DROP FUNCTION care_clinical_notes_no_truncate();
