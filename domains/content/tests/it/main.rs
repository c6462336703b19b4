//! Integration tests of the content domain on the fully wired app. Every test runs on
//! SQLite, and on PostgreSQL when `HAVEN_TEST_POSTGRES_URL` is set.

// Test helpers panic on failure by design; clippy only exempts `#[test]` functions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod catalog;
mod courses;
mod media;
mod member;
mod multi_node;
mod publishing;
mod search;
mod seed;
mod support;
