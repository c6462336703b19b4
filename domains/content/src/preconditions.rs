//! The ETag of catalog reads (`"c{version}-{locale}"`); the rest of conditional
//! requests is the platform's (`haven_platform::http::preconditions`).

pub use haven_platform::http::preconditions::{
    check_revision, expected_revision, none_match, revision_etag,
};

/// The ETag of a catalog read: the snapshot version and the requested locale.
pub fn catalog_etag(version: i64, locale: &str) -> String {
    format!("\"c{version}-{locale}\"")
}
