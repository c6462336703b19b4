DROP TABLE identity_security_events;
