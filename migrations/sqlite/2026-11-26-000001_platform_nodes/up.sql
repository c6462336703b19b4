-- Every running haven process registers here at start and removes itself on a clean
-- shutdown, so operators (and later the job/outbox machinery) can see the live nodes.
CREATE TABLE platform_nodes (
    node_id      TEXT PRIMARY KEY,
    hostname     TEXT NOT NULL,
    version      TEXT NOT NULL,
    started_at   TIMESTAMP NOT NULL
);
