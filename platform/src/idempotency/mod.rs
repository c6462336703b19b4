//! Idempotency keys (RFC 0002 "Writes"), stored in the database so they hold across
//! every node.
