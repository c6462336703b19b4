-- Content media (issue 13 point 4): the audio of each duration variant and an item's
-- image. The bytes live in the media storage (a directory or an S3 bucket) under
-- storage_key; this row says which object is current. slot: 'image' or 'audio:<duration_s>'.
-- A replaced upload gets a new storage_key, so a signed URL already handed out keeps
-- naming the object it was signed for until the old object is removed.
CREATE TABLE content_media (
    id            TEXT PRIMARY KEY,
    item_id       TEXT NOT NULL REFERENCES content_items (id),
    slot          TEXT NOT NULL,
    storage_key   TEXT NOT NULL UNIQUE,
    content_type  TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL,
    uploaded_by   TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    UNIQUE (item_id, slot)
);
