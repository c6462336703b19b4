-- Crash-safe idempotency (docs/platform.md "Idempotency keys"): every node stamps its row
-- with a heartbeat, and a running claim names the node that holds it, so a claim whose
-- node stopped heartbeating is taken over at once instead of after its lease.
ALTER TABLE platform_nodes ADD COLUMN last_seen_at TIMESTAMP;
ALTER TABLE platform_idempotency_keys ADD COLUMN node_id TEXT;
