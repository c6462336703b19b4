-- Account export and erasure (issue 4, point 10).
--   identity_exports: one row per export request; `payload` (the JSON document) is set
--     when the job finishes and cleared when the owner downloads it; rows are deleted
--     once `expires_at` has passed.
--   identity_erasures: one row per account whose erasure was requested; `completed_at`
--     is set when every module's step is complete.
--   identity_erasure_steps: one row per (account, mounted module); `attempts` counts the
--     runs of the module's erase hook, `completed_at` is set when one succeeded.
CREATE TABLE identity_exports (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL,
    requested_at TIMESTAMP NOT NULL,
    completed_at TIMESTAMP,
    expires_at TIMESTAMP NOT NULL,
    downloaded_at TIMESTAMP,
    payload TEXT
);
CREATE INDEX identity_exports_user_id ON identity_exports (user_id);
CREATE INDEX identity_exports_expires_at ON identity_exports (expires_at);

CREATE TABLE identity_erasures (
    user_id TEXT PRIMARY KEY NOT NULL,
    requested_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    completed_at TIMESTAMP
);

CREATE TABLE identity_erasure_steps (
    user_id TEXT NOT NULL,
    module TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    completed_at TIMESTAMP,
    outcome TEXT,
    PRIMARY KEY (user_id, module)
);
