//! Signed, expiring media URLs: HMAC-SHA256 over the key id, the path and the expiry,
//! with a list of keys (the first signs, any verifies) so keys rotate without breaking
//! URLs already handed out.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Why a media URL is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Missing or malformed `exp`, `kid` or `sig`, an unknown key, or a wrong signature.
    Invalid,
    /// Past its expiry.
    Expired,
}

/// Signs and verifies media URLs.
pub struct UrlSigner {
    keys: Vec<(String, Vec<u8>)>,
}

impl std::fmt::Debug for UrlSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|(id, _)| id.as_str()).collect();
        f.debug_struct("UrlSigner").field("key_ids", &ids).finish()
    }
}

impl UrlSigner {
    /// From `(id, secret)` pairs, the first signing; empty: one throwaway key.
    pub fn new(keys: Vec<(String, Vec<u8>)>) -> Self {
        if !keys.is_empty() {
            return Self { keys };
        }
        tracing::warn!(
            "content.media.signing_keys is empty: media URLs are signed with a throwaway key \
             and stop working when this process ends"
        );
        let mut secret = vec![0u8; 32];
        if getrandom::fill(&mut secret).is_err() {
            // Without randomness no URL can be trusted: a fixed key would be forgeable, so
            // sign with a key nobody holds and refuse everything it did not sign.
            tracing::error!("no randomness for the throwaway media key");
        }
        Self {
            keys: vec![("local".to_owned(), secret)],
        }
    }

    fn mac(secret: &[u8], kid: &str, path: &str, exp: i64) -> HmacSha256 {
        // HMAC takes keys of any length, so `new_from_slice` cannot fail.
        let mut mac = HmacSha256::new_from_slice(secret)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
        mac.update(kid.as_bytes());
        mac.update(b"\n");
        mac.update(path.as_bytes());
        mac.update(b"\n");
        mac.update(exp.to_string().as_bytes());
        mac
    }

    /// The query string (`exp=…&kid=…&sig=…`) that makes `path` valid until `exp`.
    pub fn sign(&self, path: &str, exp: i64) -> String {
        let (kid, secret) = &self.keys[0];
        let sig = Self::mac(secret, kid, path, exp).finalize().into_bytes();
        format!("exp={exp}&kid={kid}&sig={}", URL_SAFE_NO_PAD.encode(sig))
    }

    /// Checks `query` (as [`Self::sign`] made it) for `path` at `now` (Unix seconds).
    pub fn verify(&self, path: &str, query: &str, now: i64) -> Result<(), Refusal> {
        let (mut exp, mut kid, mut sig) = (None, None, None);
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("exp", v)) => exp = v.parse::<i64>().ok(),
                Some(("kid", v)) => kid = Some(v),
                Some(("sig", v)) => sig = URL_SAFE_NO_PAD.decode(v).ok(),
                _ => {}
            }
        }
        let (Some(exp), Some(kid), Some(sig)) = (exp, kid, sig) else {
            return Err(Refusal::Invalid);
        };
        let (_, secret) = self
            .keys
            .iter()
            .find(|(id, _)| id == kid)
            .ok_or(Refusal::Invalid)?;
        // `verify_slice` compares in constant time.
        Self::mac(secret, kid, path, exp)
            .verify_slice(&sig)
            .map_err(|_| Refusal::Invalid)?;
        if now >= exp {
            return Err(Refusal::Expired);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(b: u8) -> Vec<u8> {
        vec![b; 32]
    }

    #[test]
    fn signed_urls_verify_until_they_expire_and_not_for_another_path() {
        let s = UrlSigner::new(vec![("k1".into(), key(1))]);
        let q = s.sign("/v1/content/media/a.wav", 100);
        assert_eq!(s.verify("/v1/content/media/a.wav", &q, 99), Ok(()));
        assert_eq!(
            s.verify("/v1/content/media/a.wav", &q, 100),
            Err(Refusal::Expired)
        );
        assert_eq!(
            s.verify("/v1/content/media/b.wav", &q, 99),
            Err(Refusal::Invalid)
        );
        let longer = q.replace("exp=100", "exp=1000");
        assert_eq!(
            s.verify("/v1/content/media/a.wav", &longer, 99),
            Err(Refusal::Invalid)
        );
        assert_eq!(
            s.verify("/v1/content/media/a.wav", "exp=100", 99),
            Err(Refusal::Invalid)
        );
    }

    #[test]
    fn rotation_signs_with_the_first_key_and_verifies_with_any() {
        let old = UrlSigner::new(vec![("k1".into(), key(1))]);
        let q_old = old.sign("/p", 100);
        let rotated = UrlSigner::new(vec![("k2".into(), key(2)), ("k1".into(), key(1))]);
        let q_new = rotated.sign("/p", 100);
        assert!(q_new.contains("kid=k2"));
        assert_eq!(rotated.verify("/p", &q_old, 1), Ok(()));
        assert_eq!(rotated.verify("/p", &q_new, 1), Ok(()));
        let dropped = UrlSigner::new(vec![("k2".into(), key(2))]);
        assert_eq!(dropped.verify("/p", &q_old, 1), Err(Refusal::Invalid));
    }
}
