DROP TABLE identity_erasure_steps;
DROP TABLE identity_erasures;
DROP TABLE identity_exports;
