-- Organizations (issue 4 point 7): employers that sponsor members.
-- eligibility_entries / eligibility_uploaded_at describe the current eligibility list
-- (replaced as a whole by each upload).
CREATE TABLE identity_organizations (
    id                       TEXT PRIMARY KEY,
    name                     TEXT NOT NULL,
    eligibility_entries      BIGINT NOT NULL DEFAULT 0,
    eligibility_uploaded_at  TIMESTAMP,
    created_at               TIMESTAMP NOT NULL,
    updated_at               TIMESTAMP NOT NULL
);

-- Allowed work-email domains (lower-case). The primary key makes a domain belong to at
-- most one organization, so a verified address never qualifies for two employers.
CREATE TABLE identity_organization_domains (
    domain           TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES identity_organizations (id)
);
CREATE INDEX identity_organization_domains_org ON identity_organization_domains (organization_id);

-- The eligibility list: one row per CSV data row (row = its spreadsheet row number).
-- email_normalized is the lower-case address (as identity_users.email_normalized);
-- at least one of email_normalized and employee_id is set; neither repeats in a list.
CREATE TABLE identity_organization_eligibility (
    organization_id   TEXT NOT NULL REFERENCES identity_organizations (id),
    row_number        BIGINT NOT NULL,
    email_normalized  TEXT,
    employee_id       TEXT,
    PRIMARY KEY (organization_id, row_number),
    CHECK (email_normalized IS NOT NULL OR employee_id IS NOT NULL)
);
CREATE UNIQUE INDEX identity_organization_eligibility_email
    ON identity_organization_eligibility (organization_id, email_normalized);
CREATE UNIQUE INDEX identity_organization_eligibility_employee
    ON identity_organization_eligibility (organization_id, employee_id);

-- Memberships, kept after they end (ended_at, end_reason) for the sponsorship history.
-- via: email_domain | eligibility_email | employee_id; end_reason: left |
-- removed_by_admin | eligibility_removed | domain_removed | account_erased.
-- A member has at most one active sponsorship, and an employee id backs at most one
-- active membership per organization: both enforced by partial unique indexes (the code
-- also checks and maps a violation to 409).
CREATE TABLE identity_organization_memberships (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES identity_organizations (id),
    user_id          TEXT NOT NULL REFERENCES identity_users (id),
    via              TEXT NOT NULL CHECK (via IN ('email_domain', 'eligibility_email', 'employee_id')),
    employee_id      TEXT,
    joined_at        TIMESTAMP NOT NULL,
    ended_at         TIMESTAMP,
    end_reason       TEXT CHECK (end_reason IN ('left', 'removed_by_admin', 'eligibility_removed', 'domain_removed', 'account_erased')),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE UNIQUE INDEX identity_organization_memberships_one_active
    ON identity_organization_memberships (user_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX identity_organization_memberships_employee
    ON identity_organization_memberships (organization_id, employee_id)
    WHERE ended_at IS NULL AND employee_id IS NOT NULL;
CREATE INDEX identity_organization_memberships_org
    ON identity_organization_memberships (organization_id, id) WHERE ended_at IS NULL;
