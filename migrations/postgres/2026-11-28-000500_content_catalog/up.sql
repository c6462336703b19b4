-- Content catalog and publishing (issue 13 points 1, 3 and 5).

-- The published catalog's version: one row, bumped in every transaction that changes
-- what members see (publish, unpublish, archive, a narrator edit). Every node compares it
-- with its in-memory snapshot's and rebuilds the snapshot when it moved.
CREATE TABLE content_catalog_version (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    version     BIGINT NOT NULL,
    changed_at  TIMESTAMP NOT NULL
);
INSERT INTO content_catalog_version (id, version, changed_at) VALUES (1, 0, '1970-01-01 00:00:00');

-- Narrators (teachers). bios: JSON object locale → biography. revision: the ETag
-- (optimistic concurrency of editors).
CREATE TABLE content_narrators (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    photo_url   TEXT,
    bios        TEXT NOT NULL,
    revision    BIGINT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);

-- Catalog items. draft: the editors' JSON document (kind, categories, tags, texts per
-- locale, variants); published: the document members see while status = 'published'
-- (kept after an unpublish, for a later per-locale publish). revision: the ETag, bumped
-- by every change. scheduled_at/scheduled_locales: a pending scheduled publish (the job
-- publishes only while scheduled_revision is still the revision it was scheduled at).
CREATE TABLE content_items (
    id                   TEXT PRIMARY KEY,
    kind                 TEXT NOT NULL,
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
CREATE INDEX content_items_status ON content_items (status, id);

-- Revision history: one row per change of an item (action: created | edited | published
-- | unpublished | archived | scheduled), with the draft as it stood after the change.
-- actor_id: the editor (NULL for the scheduler, or after the editor's erasure).
CREATE TABLE content_item_revisions (
    item_id            TEXT NOT NULL REFERENCES content_items (id),
    revision           BIGINT NOT NULL,
    action             TEXT NOT NULL,
    document           TEXT NOT NULL,
    published_locales  TEXT,
    actor_id           TEXT,
    created_at         TIMESTAMP NOT NULL,
    PRIMARY KEY (item_id, revision)
);
CREATE INDEX content_item_revisions_actor ON content_item_revisions (actor_id);
