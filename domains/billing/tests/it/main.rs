//! Integration tests of the billing domain on the fully wired app. Every test runs on
//! SQLite, and on PostgreSQL when `HAVEN_TEST_POSTGRES_URL` is set.

// Test helpers panic on failure by design; clippy only exempts `#[test]` functions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod app_store;
mod cache;
mod catalog;
mod employer_joins;
mod employers;
mod guard;
mod ledger;
mod play;
mod promo;
mod stores_support;
mod stripe;
mod stripe_support;
mod support;
