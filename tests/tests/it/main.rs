//! Integration tests of the whole app: HTTP conventions, health, database behaviour,
//! shutdown, OpenAPI drift and the real binary. Every HTTP test runs on SQLite, and on
//! PostgreSQL when `HAVEN_TEST_POSTGRES_URL` is set.

// Test helpers panic on failure by design; clippy only exempts `#[test]` functions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod auth;
mod binary;
mod binary_dev;
mod client_ip;
mod conventions;
mod database;
mod db_kit;
mod health_and_metrics;
mod idempotency;
mod idempotency_crash;
mod idempotency_kill;
mod idempotency_tx;
mod job_queue_gauges;
mod job_support;
mod jobs;
mod kit;
mod maintenance;
mod multi_node;
mod openapi_drift;
mod outbox;
mod probe;
mod rate_limit;
mod shutdown;
mod wiring;
