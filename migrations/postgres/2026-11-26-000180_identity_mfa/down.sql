ALTER TABLE identity_sessions DROP COLUMN amr;
DROP TABLE identity_mfa_challenges;
DROP TABLE identity_mfa_recovery_codes;
DROP TABLE identity_mfa_totp;
