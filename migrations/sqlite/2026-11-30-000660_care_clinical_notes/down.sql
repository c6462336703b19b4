DROP TABLE care_clinical_notes;
