//! Haven's platform: everything a domain crate needs that is not domain logic.
//!
//! Settings, database pools, HTTP conventions (problem details, ids, pagination,
//! middleware), observability, health, the graceful server and the [`Module`] trait
//! through which the app mounts domains. See docs/architecture.md.

pub mod auth;
pub mod config;
pub mod db;
pub mod health;
pub mod http;
pub mod idempotency;
pub mod ids;
pub mod jobs;
pub mod mail;
pub mod module;
pub mod nodes;
pub mod observability;
pub mod outbox;
pub mod privacy;
pub mod ratelimit;
pub mod refresher;
// The platform's tables are its own; tests read them through the `test-support` feature.
#[cfg(not(feature = "test-support"))]
pub(crate) mod schema;
#[cfg(feature = "test-support")]
pub mod schema;
pub mod server;
#[cfg(feature = "test-support")]
pub mod testing;
pub mod time;

pub use config::Settings;
pub use db::{AnyConnection, Db, DbError};
pub use http::domain_error::{DomainError, Fault, Invalid, Unexpected};
pub use http::pagination::{Page, PageCursor, PageLimit, PageParams};
pub use http::problem::{ApiError, ApiResult, Problem};
pub use module::{Module, ModuleInfo, PlatformContext};
