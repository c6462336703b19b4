//! The ETag of catalog reads (`"c{version}-{locale}"`); the rest of conditional
//! requests is the platform's (`haven_platform::http::preconditions`).

pub use haven_platform::http::preconditions::{
    check_revision, expected_revision, none_match, revision_etag,
};

/// The ETag of a catalog read: the snapshot version and the requested locale.
pub fn catalog_etag(version: i64, locale: &str) -> String {
    // Built by hand: every catalog read makes one, and `format!` costs several times more.
    let mut digits = itoa::Buffer::new();
    let version = digits.format(version);
    let mut etag = String::with_capacity(version.len() + locale.len() + 4);
    etag.push_str("\"c");
    etag.push_str(version);
    etag.push('-');
    etag.push_str(locale);
    etag.push('"');
    etag
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_catalog_etag_quotes_version_and_locale() {
        assert_eq!(super::catalog_etag(42, "es-MX"), "\"c42-es-MX\"");
        assert_eq!(super::catalog_etag(-1, "en"), "\"c-1-en\"");
    }
}
