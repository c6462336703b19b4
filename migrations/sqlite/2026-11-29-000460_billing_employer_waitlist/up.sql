-- Employers (issue 12 point 7), seats enforced at join time: identity asks billing for a
-- seat inside the join's transaction; a join refused because every seat is taken leaves
-- the member on this waitlist (the organization's admins see it, first come first by the
-- time-ordered id). membership_id is set when identity's membership exists (a join billing
-- learnt of from identity's event while seats were full); a refused join has none. The
-- entry goes when the member takes a seat.
CREATE TABLE billing_employer_waitlist (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    membership_id    TEXT,
    requested_at     TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX billing_employer_waitlist_member ON billing_employer_waitlist (organization_id, user_id);
CREATE INDEX billing_employer_waitlist_user ON billing_employer_waitlist (user_id);

-- "Paid twice": a member seated by an employer while a personal subscription of theirs
-- is live is told once (and their Stripe subscription set to end at period end, when
-- billing.employer_cancel_personal_stripe is on) by the job billing.employer_paid_twice.
-- One row per seat once the email went out, so a rerun of the job sends nothing twice.
CREATE TABLE billing_employer_paid_twice (
    membership_id    TEXT PRIMARY KEY,
    user_id          TEXT NOT NULL,
    notified_at      TIMESTAMP NOT NULL
);
CREATE INDEX billing_employer_paid_twice_user ON billing_employer_paid_twice (user_id);
