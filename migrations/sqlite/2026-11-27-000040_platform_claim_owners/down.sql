ALTER TABLE platform_idempotency_keys DROP COLUMN node_id;
ALTER TABLE platform_nodes DROP COLUMN last_seen_at;
