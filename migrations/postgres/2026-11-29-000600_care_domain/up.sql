-- Care (issue 14): providers, members' care profiles, appointments, care teams and the
-- audit of admins' reads of health data. Times are UTC; a provider's weekly rules and
-- date exceptions are kept in the provider's own zone (schedule, JSON) and turned into
-- UTC slots when asked, so a DST change moves nothing the provider set.

-- specialties, languages, licenses (jurisdiction, number, authority, expiry) and schedule
-- are JSON: they are read and written whole with the profile.
CREATE TABLE care_providers (
    id             TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL,
    provider_type  TEXT NOT NULL CHECK (provider_type IN ('coach', 'therapist', 'psychiatrist')),
    display_name   TEXT NOT NULL,
    bio            TEXT NOT NULL,
    time_zone      TEXT NOT NULL,
    accepting_new  BOOLEAN NOT NULL,
    specialties    TEXT NOT NULL,
    languages      TEXT NOT NULL,
    licenses       TEXT NOT NULL,
    schedule       TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX care_providers_user ON care_providers (user_id);

-- Health data: emergency contact. languages is a JSON list of BCP 47 tags.
CREATE TABLE care_member_profiles (
    user_id                 TEXT PRIMARY KEY,
    country                 TEXT NOT NULL,
    us_state                TEXT,
    languages               TEXT NOT NULL,
    time_zone               TEXT NOT NULL,
    emergency_name          TEXT,
    emergency_phone         TEXT,
    emergency_relationship  TEXT,
    created_at              TIMESTAMP NOT NULL,
    updated_at              TIMESTAMP NOT NULL
);

-- An appointment holds [starts_at, ends_at) of the member and [blocked_from,
-- blocked_until) of the provider (the session plus its buffers) while pending or booked.
-- unit_feature/unit_reference: the counted benefit consumed for it (the reference is the
-- id of the first appointment of a reschedule chain). strike_at: when a late
-- cancellation or no-show counted against the member.
CREATE TABLE care_appointments (
    id                TEXT PRIMARY KEY,
    member_id         TEXT NOT NULL,
    provider_id       TEXT NOT NULL REFERENCES care_providers (id),
    appointment_type  TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('pending', 'booked', 'cancelled', 'rescheduled', 'no_show')),
    starts_at         TIMESTAMP NOT NULL,
    ends_at           TIMESTAMP NOT NULL,
    blocked_from      TIMESTAMP NOT NULL,
    blocked_until     TIMESTAMP NOT NULL,
    unit_feature      TEXT,
    unit_reference    TEXT,
    rescheduled_from  TEXT,
    cancelled_by      TEXT CHECK (cancelled_by IN ('member', 'provider')),
    cancelled_at      TIMESTAMP,
    strike_at         TIMESTAMP,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    CHECK (starts_at < ends_at AND blocked_from <= starts_at AND ends_at <= blocked_until)
);
CREATE INDEX care_appointments_provider ON care_appointments (provider_id, blocked_from);
CREATE INDEX care_appointments_member ON care_appointments (member_id, starts_at);

-- A booking adds the provider to the member's care team (part 2 decides who reads
-- clinical data from it).
CREATE TABLE care_team_members (
    member_id    TEXT NOT NULL,
    provider_id  TEXT NOT NULL REFERENCES care_providers (id),
    since        TIMESTAMP NOT NULL,
    PRIMARY KEY (member_id, provider_id)
);
CREATE INDEX care_team_members_provider ON care_team_members (provider_id);

-- Reminders sent: one row per (appointment, hours before), claimed before the send so a
-- job that runs twice never emails twice.
CREATE TABLE care_reminders_sent (
    appointment_id  TEXT NOT NULL REFERENCES care_appointments (id) ON DELETE CASCADE,
    hours_before    BIGINT NOT NULL,
    sent_at         TIMESTAMP NOT NULL,
    PRIMARY KEY (appointment_id, hours_before)
);

-- Every admin read of a member's health data, with the admin's reason.
CREATE TABLE care_access_audit (
    id         TEXT PRIMARY KEY,
    actor_id   TEXT NOT NULL,
    member_id  TEXT NOT NULL,
    action     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    at         TIMESTAMP NOT NULL
);
CREATE INDEX care_access_audit_member ON care_access_audit (member_id, id);

-- No double booking, enforced by the database across every node: while pending or
-- booked, a provider's blocked ranges never overlap, nor do a member's sessions. The
-- columns hold UTC wall time (TIMESTAMP), so tsrange compares exactly what tstzrange
-- would. SQLite has no exclusion constraints: there the overlap check runs inside the
-- booking's BEGIN IMMEDIATE transaction, which serializes writers.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE care_appointments ADD CONSTRAINT care_appointments_provider_no_overlap
    EXCLUDE USING gist (provider_id WITH =, tsrange(blocked_from, blocked_until) WITH &&)
    WHERE (status IN ('pending', 'booked'));
ALTER TABLE care_appointments ADD CONSTRAINT care_appointments_member_no_overlap
    EXCLUDE USING gist (member_id WITH =, tsrange(starts_at, ends_at) WITH &&)
    WHERE (status IN ('pending', 'booked'));
