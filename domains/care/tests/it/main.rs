//! Integration tests of the care domain on the fully wired app. Every test runs on
//! SQLite, and on PostgreSQL when `HAVEN_TEST_POSTGRES_URL` is set; tests named
//! `…_on_postgres` run only there.

// Test helpers panic on failure by design; clippy only exempts `#[test]` functions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod appointments;
mod assessments;
mod audit;
mod availability;
mod chat;
mod escalations;
mod logs;
mod notes;
mod profiles;
mod providers;
mod support;
