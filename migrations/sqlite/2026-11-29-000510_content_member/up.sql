-- Content for members (issue 13 points 2, 7, 8 and 9): courses and their publishing,
-- playback events, the days that count for streaks, course progress and favorites.

-- Courses (packs): an ordered list of sessions, each one catalog item. Same life as an
-- item (draft/published/archived, revision as ETag, scheduled publish): draft and
-- published are JSON documents (texts per locale, categories, session item ids).
CREATE TABLE content_courses (
    id                   TEXT PRIMARY KEY,
    status               TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    revision             BIGINT NOT NULL,
    draft                TEXT NOT NULL,
    published            TEXT,
    first_published_at   TIMESTAMP,
    published_at         TIMESTAMP,
    scheduled_at         TIMESTAMP,
    scheduled_locales    TEXT,
    scheduled_revision   BIGINT,
    created_at           TIMESTAMP NOT NULL,
    updated_at           TIMESTAMP NOT NULL,
    CHECK (status <> 'published' OR published IS NOT NULL)
);
CREATE INDEX content_courses_status ON content_courses (status, id);

-- A course's history, as content_item_revisions is an item's.
CREATE TABLE content_course_revisions (
    course_id          TEXT NOT NULL REFERENCES content_courses (id),
    revision           BIGINT NOT NULL,
    action             TEXT NOT NULL,
    document           TEXT NOT NULL,
    published_locales  TEXT,
    actor_id           TEXT,
    created_at         TIMESTAMP NOT NULL,
    PRIMARY KEY (course_id, revision)
);
CREATE INDEX content_course_revisions_actor ON content_course_revisions (actor_id);

-- Playback events as members' apps send them. The key is the client's event id within
-- the member: a retried or re-synced event inserts nothing (duplicates have no second
-- effect). occurred_at: UTC; time_zone: the IANA zone it was recorded in (the profile's
-- when the app sent none, UTC without either); local_day: the member's day it falls in
-- (the day ends at content.day_end_hour local time), YYYY-MM-DD.
CREATE TABLE content_playback_events (
    user_id       TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('started', 'progress', 'completed')),
    item_id       TEXT NOT NULL,
    course_id     TEXT,
    duration_s    INTEGER NOT NULL,
    position_s    INTEGER NOT NULL,
    occurred_at   TIMESTAMP NOT NULL,
    time_zone     TEXT NOT NULL,
    local_day     TEXT NOT NULL,
    received_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, event_id)
);
CREATE INDEX content_playback_events_user_time ON content_playback_events (user_id, occurred_at);

-- The member's days with at least one completed session (the streak's input): one row
-- per local day whatever the number of completions, with the zone of the first one
-- (the day's window in real time, for travel and DST).
CREATE TABLE content_active_days (
    user_id     TEXT NOT NULL,
    day         TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, day)
);

-- Sessions of a course the member completed (a completed event naming the course).
CREATE TABLE content_course_progress (
    user_id       TEXT NOT NULL,
    course_id     TEXT NOT NULL,
    item_id       TEXT NOT NULL,
    completed_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, course_id, item_id)
);

-- Favorite items and courses. target_kind: item | course.
CREATE TABLE content_favorites (
    user_id      TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    target_kind  TEXT NOT NULL CHECK (target_kind IN ('item', 'course')),
    created_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, target_id)
);
