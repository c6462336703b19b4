-- The entitlement ledger (issue 12 point 2). Every right a member has is a grant row:
-- a feature from a source (stripe, app_store, play, employer, promo, admin) and its
-- reference there (a subscription, an organization membership, a redemption, the grant
-- itself for admin grants), valid over [valid_from, valid_until) (NULL: open-ended) unless
-- revoked. `quota` is the number of units per benefit year (a calendar year in UTC) of a
-- counted feature. One source reference grants a feature at most once; a change of the
-- source (renewal, cancellation) updates its row.
CREATE TABLE billing_grants (
    id             TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL,
    feature        TEXT NOT NULL CHECK (feature IN ('content.premium', 'care.coaching', 'care.therapy', 'care.psychiatry')),
    source         TEXT NOT NULL CHECK (source IN ('stripe', 'app_store', 'play', 'employer', 'promo', 'admin')),
    source_ref     TEXT NOT NULL,
    valid_from     TIMESTAMP NOT NULL,
    valid_until    TIMESTAMP,
    quota          BIGINT CHECK (quota IS NULL OR quota > 0),
    revoked_at     TIMESTAMP,
    revoke_reason  TEXT,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX billing_grants_source ON billing_grants (user_id, feature, source, source_ref);
CREATE INDEX billing_grants_ref ON billing_grants (source, source_ref);

-- Units of counted features used, one row per (member, feature, reference): care consumes
-- one therapy session per booking id, so a retried consumption is the same row.
-- benefit_year is the calendar year (UTC) the unit counts against; a released unit
-- (released_at set) no longer counts.
CREATE TABLE billing_consumptions (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL,
    feature       TEXT NOT NULL,
    reference     TEXT NOT NULL,
    benefit_year  INTEGER NOT NULL,
    consumed_at   TIMESTAMP NOT NULL,
    released_at   TIMESTAMP
);
CREATE UNIQUE INDEX billing_consumptions_reference ON billing_consumptions (user_id, feature, reference);
CREATE INDEX billing_consumptions_year ON billing_consumptions (user_id, feature, benefit_year);

-- The ledger's history: one row per change (granted, changed, revoked, consumed,
-- released), with who did it and why for admin changes (the audit trail).
CREATE TABLE billing_ledger_entries (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL,
    feature      TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('granted', 'changed', 'revoked', 'consumed', 'released')),
    grant_id     TEXT,
    source       TEXT,
    source_ref   TEXT,
    reference    TEXT,
    valid_until  TIMESTAMP,
    quota        BIGINT,
    actor_id     TEXT,
    reason       TEXT,
    at           TIMESTAMP NOT NULL
);
CREATE INDEX billing_ledger_entries_user ON billing_ledger_entries (user_id, id);

-- A member's ledger version, bumped in the transaction of every change: each node's
-- entitlement cache compares it (a primary-key read) before answering from memory, and
-- the row is the lock that serializes one member's ledger changes.
CREATE TABLE billing_entitlement_versions (
    user_id  TEXT PRIMARY KEY,
    version  BIGINT NOT NULL
);
