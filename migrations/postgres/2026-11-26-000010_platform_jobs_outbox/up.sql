-- Job queue: claimed with FOR UPDATE SKIP LOCKED; a running job's lease (locked_until)
-- is extended by its node's heartbeat and reclaimed by any node once it lapses.
CREATE TABLE platform_jobs (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    payload       TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead')),
    run_at        TIMESTAMP NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    max_attempts  INTEGER NOT NULL,
    locked_by     TEXT,
    locked_until  TIMESTAMP,
    last_error    TEXT,
    created_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP
);
CREATE INDEX platform_jobs_due ON platform_jobs (run_at) WHERE state = 'pending';
CREATE INDEX platform_jobs_leased ON platform_jobs (locked_until) WHERE state = 'running';
CREATE INDEX platform_jobs_finished ON platform_jobs (finished_at) WHERE state IN ('done', 'dead');

-- Recurring jobs: a compare-and-set on next_run_at lets exactly one node fire a period.
CREATE TABLE platform_recurring_jobs (
    name         TEXT PRIMARY KEY,
    next_run_at  TIMESTAMP NOT NULL
);

-- Transactional outbox: written in the publisher's transaction, fanned out into one
-- delivery job per subscribed handler by the dispatcher.
CREATE TABLE platform_outbox_events (
    id             TEXT PRIMARY KEY,
    event_type     TEXT NOT NULL,
    version        INTEGER NOT NULL,
    occurred_at    TIMESTAMP NOT NULL,
    payload        TEXT NOT NULL,
    dispatched_at  TIMESTAMP
);
CREATE INDEX platform_outbox_undispatched ON platform_outbox_events (occurred_at)
    WHERE dispatched_at IS NULL;

-- Which handler processed which event: a redelivery finds its row and does nothing.
CREATE TABLE platform_event_handled (
    handler     TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    handled_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (handler, event_id)
);
