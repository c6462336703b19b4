//! The bounded cache of verified access tokens: a client that sends the same token a
//! hundred times pays one Ed25519 signature check (issue 9, about 17 % of an
//! authenticated read's CPU without it).
//!
//! Keyed by the whole token string, compared in full, so a token that shares any prefix
//! with a cached one (the same header and claims with another signature, say) is a miss
//! and goes through full verification. Only tokens that passed every check are stored;
//! rejections are not, so a flood of bad tokens costs what it cost before. An entry
//! answers only while the token itself would still be accepted (`exp` plus
//! [`CLOCK_LEEWAY_S`]) and is dropped then. The cache belongs to one verifier, whose key
//! set never changes: a key rotation (a new key set from the settings) builds a new
//! verifier with an empty cache. Revocation is unchanged: tokens are self-contained until
//! `exp` with or without the cache, and the role guard asks the live session either way.

use std::sync::Arc;
use std::time::{Duration, Instant};

use moka::Expiry;

use super::Principal;
use super::verifier::{CLOCK_LEEWAY_S, TokenError};

/// Most tokens kept; about 1 KiB each (the token plus its principal), so about 16 MiB at
/// worst. Past it the least useful entries go (moka's TinyLFU), which costs a re-check.
const CAPACITY: u64 = 16 * 1024;

/// A verified token's principal and the last second (Unix) it may be accepted.
#[derive(Debug)]
struct Entry {
    principal: Principal,
    valid_until: i64,
}

/// Verified tokens by token (see the module docs). Clones share the entries.
#[derive(Clone)]
pub(super) struct VerifiedTokens {
    entries: moka::sync::Cache<Box<str>, Arc<Entry>>,
}

impl std::fmt::Debug for VerifiedTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the tokens.
        f.debug_struct("VerifiedTokens")
            .field("entries", &self.entries.entry_count())
            .finish()
    }
}

/// Drops each entry when its token stops being acceptable.
struct UntilExpiry;

impl Expiry<Box<str>, Arc<Entry>> for UntilExpiry {
    fn expire_after_create(
        &self,
        _token: &Box<str>,
        entry: &Arc<Entry>,
        _created_at: Instant,
    ) -> Option<Duration> {
        Some(time_to_live(entry.valid_until, now()))
    }
}

/// How long an entry valid until `valid_until` (inclusive, Unix s) lives at `now`.
fn time_to_live(valid_until: i64, now: i64) -> Duration {
    let seconds = valid_until.saturating_add(1).saturating_sub(now).max(0);
    Duration::from_secs(u64::try_from(seconds).unwrap_or(0))
}

/// The current Unix time in seconds, as the verifier's `exp` check reads it.
pub(super) fn now() -> i64 {
    i64::try_from(jsonwebtoken::get_current_timestamp()).unwrap_or(i64::MAX)
}

impl VerifiedTokens {
    /// An empty cache of at most [`CAPACITY`] tokens.
    pub(super) fn new() -> Self {
        Self::with_capacity(CAPACITY)
    }

    fn with_capacity(capacity: u64) -> Self {
        Self {
            entries: moka::sync::Cache::builder()
                .max_capacity(capacity)
                .expire_after(UntilExpiry)
                .build(),
        }
    }

    /// `None` when `token` was not verified (or was evicted); else its principal while
    /// the token is acceptable at `now` (Unix s), and `Expired` (the entry dropped) after.
    pub(super) fn get(&self, token: &str, now: i64) -> Option<Result<Principal, TokenError>> {
        let entry = self.entries.get(token)?;
        if now <= entry.valid_until {
            return Some(Ok(entry.principal.clone()));
        }
        self.entries.invalidate(token);
        Some(Err(TokenError::Expired))
    }

    /// Remembers that `token` verified as `principal`, until its `exp` plus the leeway.
    pub(super) fn insert(&self, token: &str, principal: &Principal) {
        let valid_until = principal
            .expires_at
            .timestamp()
            .saturating_add(CLOCK_LEEWAY_S as i64);
        self.entries.insert(
            Box::from(token),
            Arc::new(Entry {
                principal: principal.clone(),
                valid_until,
            }),
        );
    }

    /// Whether `token` has an entry (expired or not): for tests.
    #[cfg(test)]
    pub(super) fn holds(&self, token: &str) -> bool {
        self.entries.contains_key(token)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    use super::*;
    use crate::auth::{AccessClaims, KeySet, Role, TokenSigner};
    use crate::ids::{SessionId, UserId};

    fn principal(exp: i64) -> Principal {
        Principal {
            user_id: UserId::new(),
            session_id: SessionId::new(),
            roles: vec![Role::Member],
            amr: vec![],
            token_id: "jti".to_owned(),
            expires_at: chrono::DateTime::from_timestamp(exp, 0).unwrap(),
        }
    }

    #[test]
    fn an_entry_answers_until_exp_plus_the_leeway_then_is_dropped() {
        let cache = VerifiedTokens::new();
        let exp = now() + 60;
        let p = principal(exp);
        cache.insert("a.b.c", &p);
        assert_eq!(cache.get("a.b.c", exp), Some(Ok(p.clone())));
        let last = exp + CLOCK_LEEWAY_S as i64;
        assert_eq!(cache.get("a.b.c", last), Some(Ok(p)));
        assert_eq!(cache.get("a.b.c", last + 1), Some(Err(TokenError::Expired)));
        assert!(!cache.holds("a.b.c"), "an expired entry is dropped");
        assert_eq!(cache.get("a.b.c", exp), None);
    }

    #[test]
    fn the_lookup_compares_whole_tokens() {
        let cache = VerifiedTokens::new();
        let p = principal(now() + 60);
        cache.insert("header.claims.signature", &p);
        for other in [
            "header.claims.signaturX",
            "header.claims.signatur",
            "header.claims.signature.",
            "header.claims",
        ] {
            assert_eq!(cache.get(other, now()), None, "{other}");
        }
    }

    #[test]
    fn entries_live_until_their_token_expires() {
        assert_eq!(time_to_live(100, 40), Duration::from_secs(61));
        assert_eq!(time_to_live(100, 100), Duration::from_secs(1));
        assert_eq!(time_to_live(100, 101), Duration::ZERO);
        assert_eq!(
            time_to_live(i64::MAX, 0),
            Duration::from_secs(i64::MAX as u64)
        );
    }

    #[test]
    fn the_cache_is_bounded() {
        let cache = VerifiedTokens::with_capacity(8);
        let p = principal(now() + 60);
        for i in 0..100 {
            cache.insert(&format!("token-{i}"), &p);
        }
        cache.entries.run_pending_tasks();
        assert!(
            cache.entries.entry_count() <= 8,
            "{}",
            cache.entries.entry_count()
        );
    }

    /// An `Auth` trusting `kids` (each a fresh key); the first signs.
    fn auth_with(kids: &[&str]) -> (crate::auth::Auth, Vec<TokenSigner>) {
        let signers: Vec<_> = kids
            .iter()
            .map(|k| TokenSigner::generate(k).unwrap())
            .collect();
        let mut keys = KeySet::new();
        for s in &signers {
            s.add_public_key_to(&mut keys).unwrap();
        }
        let auth = crate::auth::Auth::new(signers[0].clone(), keys, "haven", "haven-api");
        (auth, signers)
    }

    fn token(auth: &crate::auth::Auth, signer: &TokenSigner) -> (String, AccessClaims) {
        let claims = auth.access_claims(
            &UserId::new(),
            &SessionId::new(),
            vec![Role::Member],
            vec!["pwd".into()],
            std::time::Duration::from_secs(60),
        );
        (signer.issue(&claims).unwrap(), claims)
    }

    #[test]
    fn a_verified_token_is_served_from_the_cache_until_it_expires() {
        let (auth, signers) = auth_with(&["k1"]);
        let (token, claims) = token(&auth, &signers[0]);
        let verifier = auth.verifier();
        let first = verifier.verify(&token).unwrap();
        assert!(verifier.verified.holds(&token));
        assert_eq!(verifier.verify(&token), Ok(first.clone()));
        // A clone (every request's `Auth`) shares the entries.
        assert!(verifier.clone().verified.holds(&token));

        let last = claims.exp + CLOCK_LEEWAY_S as i64;
        assert_eq!(verifier.verify_at(&token, last), Ok(first));
        assert_eq!(
            verifier.verify_at(&token, last + 1),
            Err(TokenError::Expired)
        );
        assert!(!verifier.verified.holds(&token), "dropped at expiry");
    }

    #[test]
    fn a_tampered_token_sharing_a_cached_tokens_prefix_is_rejected() {
        let (auth, signers) = auth_with(&["k1"]);
        let (token, _) = token(&auth, &signers[0]);
        let verifier = auth.verifier();
        verifier.verify(&token).unwrap();

        let (head, signature) = token.rsplit_once('.').unwrap();
        // Another valid base64url signature of the same length: every byte but the
        // last few agree with the cached token.
        let mut sig = URL_SAFE_NO_PAD.decode(signature).unwrap();
        sig[60] ^= 1;
        let flipped = format!("{head}.{}", URL_SAFE_NO_PAD.encode(&sig));
        assert_eq!(verifier.verify(&flipped), Err(TokenError::Signature));
        // The same header and signature over other claims (roles raised to admin).
        let (header, _) = head.split_once('.').unwrap();
        let mut claims: serde_json::Value = serde_json::from_slice(
            &URL_SAFE_NO_PAD
                .decode(head.split_once('.').unwrap().1)
                .unwrap(),
        )
        .unwrap();
        claims["roles"] = serde_json::json!(["admin"]);
        let forged = format!(
            "{header}.{}.{signature}",
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        assert_eq!(verifier.verify(&forged), Err(TokenError::Signature));
        for longer in [format!("{token}A"), format!("{token}.")] {
            assert!(verifier.verify(&longer).is_err(), "{longer}");
        }
        assert!(verifier.verify(&token[..token.len() - 1]).is_err());
        // Rejections are not remembered; the genuine token still is.
        assert!(!verifier.verified.holds(&flipped));
        assert!(!verifier.verified.holds(&forged));
        assert!(verifier.verified.holds(&token));
    }

    #[test]
    fn a_rotated_key_set_starts_without_the_old_verifiers_entries() {
        let (auth, signers) = auth_with(&["2024-02", "2024-01"]);
        let (by_old, _) = token(&auth, &signers[1]);
        assert!(auth.verify(&by_old).is_ok());
        assert!(auth.verifier().verified.holds(&by_old));

        // Rotation: the settings drop the old key, and the node builds its `Auth` anew.
        let mut keys = KeySet::new();
        signers[0].add_public_key_to(&mut keys).unwrap();
        let rotated = crate::auth::Auth::new(signers[0].clone(), keys, "haven", "haven-api");
        assert_eq!(rotated.verify(&by_old), Err(TokenError::UnknownKid));
        assert!(!rotated.verifier().verified.holds(&by_old));
    }
}
