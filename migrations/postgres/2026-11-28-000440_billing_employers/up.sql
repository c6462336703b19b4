-- Employers (issue 12 point 7): an organization's contract (the product its members get
-- and how many seats) and one row per sponsored membership (from identity's
-- organization.member_joined / member_left events): seated (granted), waitlisted (the
-- seats were full) or ended. organization_id, membership_id and user_id are identity's
-- ids, stored as text without foreign keys.
CREATE TABLE billing_employer_contracts (
    organization_id  TEXT PRIMARY KEY,
    product_id       TEXT NOT NULL REFERENCES billing_products (id),
    seats            BIGINT NOT NULL CHECK (seats > 0),
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);

CREATE TABLE billing_employer_seats (
    membership_id    TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('seated', 'waitlisted', 'ended')),
    joined_at        TIMESTAMP NOT NULL,
    ended_at         TIMESTAMP
);
CREATE INDEX billing_employer_seats_org ON billing_employer_seats (organization_id, state, joined_at);
CREATE INDEX billing_employer_seats_user ON billing_employer_seats (user_id);
