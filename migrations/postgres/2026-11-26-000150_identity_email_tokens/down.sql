DROP TABLE identity_email_tokens;
