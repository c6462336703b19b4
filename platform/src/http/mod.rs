//! HTTP conventions of docs/architecture.md, shared by every endpoint.

pub mod app;
pub mod cache;
pub mod client_ip;
pub mod contract;
pub mod dispatch;
pub mod domain_error;
pub mod error_set;
pub mod listener;
pub mod middleware;
pub mod operations;
pub mod pagination;
pub mod preconditions;
pub mod problem;
pub mod rendered;
pub mod request_id;
pub mod routes;
pub mod schema;
pub mod text;
pub mod timestamp;
