//! Idempotency keys (docs/architecture.md "Writes"), stored in the database so they hold across
//! every node.
//!
//! An operation opts in by declaring the header in its signature, so it is in the OpenAPI
//! document and the SDKs:
//!
//! ```ignore
//! use haven_platform::idempotency::IdempotencyKey;
//!
//! #[oai(path = "/v1/care/appointments", method = "post", operation_id = "bookAppointment")]
//! async fn book(
//!     &self,
//!     /// Makes the request safe to retry: a retry with the same key within 24 h gets
//!     /// the first response again (`Idempotent-Replayed: true`) instead of a second
//!     /// booking. At most 255 printable ASCII characters, e.g. a UUID.
//!     #[oai(name = "Idempotency-Key")]
//!     _idempotency_key: IdempotencyKey,
//!     body: Json<NewAppointment>,
//! ) -> ApiResult<Created, BookErrors> { /* … */ }
//! ```
//!
//! The document adds the middleware's problems ([`CODES`]) to every operation with the
//! header (`contract::finish`), so its error set need not name them.
//!
//! The [`Idempotency`] middleware does the rest for every operation whose OpenAPI entry
//! has that header parameter, and only when a request carries the header: it claims
//! `(scope, key)` with an INSERT (the primary key makes the claim atomic across nodes),
//! runs the endpoint, and stores its final status, a few headers and the body for
//! `idempotency.ttl_s`. A retry replays them byte for byte with `Idempotent-Replayed:
//! true`; the same key with another method, path or body is `422
//! idempotency_key_reused`; while the first request runs, `409 idempotency_key_in_use`.
//! Responses that reject the input without acting on it (400, 413, 415, 422, 429) are
//! not stored, so a corrected retry with the same key runs.
//!
//! Crash safety: the endpoint's `Db::write`s share one request transaction in which the
//! response is stored before it commits, so effects and stored response commit together
//! or not at all; a running claim of a node that stopped heartbeating
//! ([`crate::nodes::DEAD_AFTER`]) is taken over by the next retry at once
//! (docs/platform.md "Idempotency keys").

#[cfg(feature = "test-support")]
pub mod fault;
mod middleware;
mod repo;
mod schema;

use chrono::NaiveDateTime;
use diesel::QueryResult;
use poem::http::HeaderMap;
use sha2::{Digest, Sha256};

use crate::auth::{Auth, Principal};
use crate::db::AnyConnection;
use crate::http::text::{Text, TextRule};

pub use middleware::{Idempotency, IdempotencyEndpoint};

/// Name of the request header.
pub const HEADER: &str = "Idempotency-Key";

/// [`HEADER`] for lookups: a `&str` key is parsed on every lookup (every request).
pub(crate) const HEADER_NAME: poem::http::HeaderName =
    poem::http::HeaderName::from_static("idempotency-key");

/// Response header set on a replayed response.
pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";

/// The problems the middleware answers for a keyed operation: a malformed key, a key
/// still in use by a running request, a key reused for another request.
pub const CODES: &[crate::http::problem::Code] = &[
    (400, "idempotency_key_invalid"),
    (409, "idempotency_key_in_use"),
    (422, "idempotency_key_reused"),
];

/// Longest accepted key, in characters.
pub const MAX_KEY_LEN: usize = 255;

/// The parameter type of the `Idempotency-Key` header. Declare it exactly as
/// `#[oai(name = "Idempotency-Key")] _idempotency_key: IdempotencyKey` (with a doc
/// comment, which becomes the parameter's description): the middleware finds opted-in
/// operations by that header parameter in the OpenAPI document. The handler need not
/// read it.
pub type IdempotencyKey = poem_openapi::param::Header<Option<Text<KeyRule>>>;

/// The documented shape of a key, as [`is_valid_key`] checks it (the middleware answers
/// `400 idempotency_key_invalid` otherwise): 1 to 255 printable ASCII characters, with no
/// space at either end (HTTP would strip it).
pub struct KeyRule;
impl TextRule for KeyRule {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(MAX_KEY_LEN);
    const PATTERN: Option<&'static str> = Some("^[!-~](?:[ -~]*[!-~])?$");
}

/// Whose keys a request's key is among: two clients may use the same key independently.
///
/// A valid bearer token scopes keys to its subject (`user:<id>`), so a retry after the
/// app refreshed its access token still finds the first response. Any other credential
/// scopes them to its SHA-256 (never stored in clear; the handler rejects it anyway), and
/// no credential to `anonymous`.
pub fn scope_of(headers: &HeaderMap, auth: &Auth) -> String {
    let Some(value) = headers.get(poem::http::header::AUTHORIZATION) else {
        return "anonymous".to_owned();
    };
    let subject = principal_of(headers, auth).map(|principal| principal.user_id);
    match subject {
        Some(user) => format!("user:{user}"),
        None => format!("auth:{}", sha256_hex(value.as_bytes())),
    }
}

/// The principal of a valid `Authorization: Bearer` header, if there is one.
pub(crate) fn principal_of(headers: &HeaderMap, auth: &Auth) -> Option<Principal> {
    headers
        .get(poem::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .and_then(|token| auth.verify(token.trim()).ok())
}

/// Deletes the keys whose replay window (or, for a request whose node died, lease) has
/// passed by `now`; returns how many. The job queue calls it hourly.
pub fn purge_expired(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<usize> {
    repo::purge_expired(conn, now)
}

/// A key the API accepts: 1 to [`MAX_KEY_LEN`] printable ASCII characters.
pub fn is_valid_key(key: &str) -> bool {
    (1..=MAX_KEY_LEN).contains(&key.len()) && key.bytes().all(|b| (0x20..=0x7e).contains(&b))
}

fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use poem::http::HeaderValue;

    use super::*;

    #[test]
    fn keys_are_short_printable_ascii() {
        assert!(is_valid_key("a"));
        assert!(is_valid_key("0190d2c4-5f6e-7abc-8def-0123456789ab"));
        assert!(is_valid_key(&"k".repeat(255)));
        assert!(!is_valid_key(""));
        assert!(!is_valid_key(&"k".repeat(256)));
        assert!(!is_valid_key("tab\there"));
        assert!(!is_valid_key("ünï"));
    }

    #[test]
    fn the_scope_is_the_subject_of_a_valid_token_else_a_hash_else_anonymous() {
        let auth = Auth::from_settings(&crate::config::Settings::default().auth).unwrap();
        let mut headers = HeaderMap::new();
        assert_eq!(scope_of(&headers, &auth), "anonymous");
        headers.insert("authorization", HeaderValue::from_static("Bearer secret"));
        let scope = scope_of(&headers, &auth);
        assert!(!scope.contains("secret"));
        assert_eq!(scope.len(), "auth:".len() + 64);
        assert_eq!(scope, scope_of(&headers, &auth));
        // Two different tokens of one user (before and after a refresh) share a scope.
        let user = crate::ids::UserId::new();
        let token = |session: &crate::ids::SessionId| {
            let claims = auth.access_claims(
                &user,
                session,
                vec![],
                vec![],
                std::time::Duration::from_secs(600),
            );
            auth.issue(&claims).unwrap()
        };
        let scopes: Vec<String> = [crate::ids::SessionId::new(), crate::ids::SessionId::new()]
            .iter()
            .map(|s| {
                let mut h = HeaderMap::new();
                h.insert(
                    "authorization",
                    format!("Bearer {}", token(s)).parse().unwrap(),
                );
                scope_of(&h, &auth)
            })
            .collect();
        let expected = format!("user:{user}");
        assert_eq!(scopes, vec![expected.clone(), expected]);
    }

    #[test]
    fn body_hashes_are_sha256_hex() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
