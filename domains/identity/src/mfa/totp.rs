//! TOTP mechanics (RFC 6238: SHA-1, 6 digits, 30 s steps, what authenticator apps
//! support), the at-rest encryption of TOTP secrets, and recovery codes. Pure functions,
//! no database.

use std::sync::Arc;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use haven_platform::Unexpected;
use haven_platform::ids::UserId;
use totp_rs::{Algorithm, TOTP};

/// The issuer shown by authenticator apps.
pub const TOTP_ISSUER: &str = "Haven";

/// Seconds per TOTP step.
pub const TOTP_STEP_S: u64 = 30;

/// Digits per code.
pub const TOTP_DIGITS: usize = 6;

/// Steps of clock skew accepted either side of now.
pub const TOTP_SKEW_STEPS: u64 = 1;

/// Bytes of a TOTP secret (160 bits, RFC 4226's recommendation).
const SECRET_BYTES: usize = 20;

/// Bits of a recovery code (16 characters of base32).
const RECOVERY_CODE_BITS: usize = 80;

/// Crockford's base32 alphabet in lower case: no `i`, `l`, `o`, `u` to misread.
const RECOVERY_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// Prefix of the encrypted-secret format (lets a later format coexist).
const CIPHERTEXT_V1: &str = "v1.";

/// AES-256-GCM under `auth.mfa_encryption_key`. Cheap to clone; never printed.
#[derive(Clone)]
pub struct SecretCipher {
    cipher: Arc<Aes256Gcm>,
}

impl std::fmt::Debug for SecretCipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretCipher(<key redacted>)")
    }
}

impl SecretCipher {
    /// Around a 32-byte key.
    pub fn new(key: &[u8; 32]) -> Self {
        Self {
            cipher: Arc::new(Aes256Gcm::new(key.into())),
        }
    }

    /// A random key for this process only (development without a configured key).
    pub fn throwaway() -> Result<Self, Unexpected> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(Unexpected::with("random MFA key"))?;
        Ok(Self::new(&key))
    }

    /// `v1.` + base64(nonce || ciphertext); `user_id` (its text form, as stored values
    /// have always been bound) is associated data, so the value decrypts for that account
    /// only.
    pub fn encrypt(&self, user_id: &UserId, secret: &[u8]) -> Result<String, Unexpected> {
        let mut nonce = [0u8; 12];
        getrandom::fill(&mut nonce).map_err(Unexpected::with("random nonce"))?;
        let ciphertext = self
            .cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: secret,
                    aad: user_id.to_string().as_bytes(),
                },
            )
            .map_err(|_| Unexpected::invariant("encrypting the TOTP secret"))?;
        let mut blob = nonce.to_vec();
        blob.extend_from_slice(&ciphertext);
        Ok(format!("{CIPHERTEXT_V1}{}", STANDARD.encode(blob)))
    }

    /// The secret stored by [`SecretCipher::encrypt`] for `user_id`. Fails when the value
    /// was encrypted under another key (`auth.mfa_encryption_key` changed) or tampered.
    pub fn decrypt(&self, user_id: &UserId, stored: &str) -> Result<Vec<u8>, Unexpected> {
        let undecryptable = || {
            Unexpected::invariant(
                "the TOTP secret cannot be decrypted (was auth.mfa_encryption_key changed?)",
            )
        };
        let blob = stored
            .strip_prefix(CIPHERTEXT_V1)
            .and_then(|b| STANDARD.decode(b).ok())
            .filter(|b| b.len() > 12)
            .ok_or_else(undecryptable)?;
        let (nonce, ciphertext) = blob.split_at(12);
        self.cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: user_id.to_string().as_bytes(),
                },
            )
            .map_err(|_| undecryptable())
    }
}

/// A fresh random TOTP secret.
pub fn new_secret() -> Result<Vec<u8>, Unexpected> {
    let mut secret = vec![0u8; SECRET_BYTES];
    getrandom::fill(&mut secret).map_err(Unexpected::with("random TOTP secret"))?;
    Ok(secret)
}

fn totp(secret: Vec<u8>, account: &str) -> TOTP {
    // `:` separates issuer and account in the otpauth label; an email may hold one in a
    // quoted local part.
    TOTP::new_unchecked(
        Algorithm::SHA1,
        TOTP_DIGITS,
        // Skew is applied by `matching_step`, which needs to know which step matched.
        0,
        TOTP_STEP_S,
        secret,
        Some(TOTP_ISSUER.to_owned()),
        account.replace(':', "_"),
    )
}

/// The base32 secret and the `otpauth://` URI for the account's email.
pub fn enrollment_uri(secret: &[u8], email: &str) -> (String, String) {
    let totp = totp(secret.to_vec(), email);
    (totp.get_secret_base32(), totp.get_url())
}

/// The time step (Unix seconds / 30) whose code is `code`, trying now and one step
/// either side; `None` for a wrong or malformed code. Comparisons are constant-time.
pub fn matching_step(secret: &[u8], code: &str, now_unix: u64) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != TOTP_DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let totp = totp(secret.to_vec(), "");
    let now_step = now_unix / TOTP_STEP_S;
    let mut matched = None;
    for step in now_step.saturating_sub(TOTP_SKEW_STEPS)..=now_step + TOTP_SKEW_STEPS {
        let expected = totp.generate(step * TOTP_STEP_S);
        // No early exit: every candidate is computed and compared.
        if constant_time_eq(expected.as_bytes(), code.as_bytes()) && matched.is_none() {
            matched = Some(step);
        }
    }
    matched
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new recovery code: 80 random bits as `xxxx-xxxx-xxxx-xxxx` (Crockford base32).
pub fn new_recovery_code() -> Result<String, Unexpected> {
    let mut bytes = [0u8; RECOVERY_CODE_BITS / 8];
    getrandom::fill(&mut bytes).map_err(Unexpected::with("random recovery code"))?;
    let mut bits: u128 = 0;
    for b in bytes {
        bits = (bits << 8) | u128::from(b);
    }
    let mut chars = Vec::with_capacity(19);
    for i in 0..RECOVERY_CODE_BITS / 5 {
        if i > 0 && i % 4 == 0 {
            chars.push(b'-');
        }
        let shift = RECOVERY_CODE_BITS - 5 * (i + 1);
        let index = usize::try_from((bits >> shift) & 0x1f).unwrap_or(0);
        chars.push(RECOVERY_ALPHABET[index]);
    }
    Ok(String::from_utf8_lossy(&chars).into_owned())
}

/// The stored form of a recovery code: SHA-256 (hex) of the user id and the code without
/// separators, lower-cased (so `ABCD EFGH…` and `abcd-efgh-…` are the same code).
pub fn recovery_code_hash(user_id: &UserId, code: &str) -> String {
    let normalized: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    crate::service::sha256_hex(&format!("{user_id}:{normalized}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn secrets_round_trip_for_their_account_only() {
        let cipher = SecretCipher::new(&[1u8; 32]);
        let (a, b) = (UserId::new(), UserId::new());
        let secret = new_secret().unwrap();
        let stored = cipher.encrypt(&a, &secret).unwrap();
        assert!(stored.starts_with("v1."));
        assert_eq!(cipher.decrypt(&a, &stored).unwrap(), secret);
        assert!(cipher.decrypt(&b, &stored).is_err(), "bound to the account");
        assert!(SecretCipher::new(&[2u8; 32]).decrypt(&a, &stored).is_err());
        assert!(cipher.decrypt(&a, "v1.AAAA").is_err());
        assert_ne!(cipher.encrypt(&a, &secret).unwrap(), stored, "fresh nonce");
    }

    #[test]
    fn codes_match_within_one_step_of_skew() {
        let secret = new_secret().unwrap();
        let t = totp(secret.clone(), "");
        let now = 1_800_000_000u64;
        let step = now / 30;
        for (offset, expected) in [
            (-1i64, Some(step - 1)),
            (0, Some(step)),
            (1, Some(step + 1)),
        ] {
            let at = (step as i64 + offset) as u64 * 30;
            let code = t.generate(at);
            assert_eq!(matching_step(&secret, &code, now), expected, "{offset}");
        }
        let far = t.generate((step + 2) * 30);
        let near: Vec<String> = (step - 1..=step + 1).map(|s| t.generate(s * 30)).collect();
        if !near.contains(&far) {
            assert_eq!(matching_step(&secret, &far, now), None);
        }
        assert_eq!(matching_step(&secret, "12345", now), None);
        assert_eq!(matching_step(&secret, "abcdef", now), None);
        let spaced = format!("{} {}", &near[1][..3], &near[1][3..]);
        assert_eq!(matching_step(&secret, &spaced, now), Some(step));
    }

    #[test]
    fn the_uri_is_what_authenticator_apps_read() {
        let (secret, uri) = enrollment_uri(&[0u8; 20], "ana@example.com");
        assert_eq!(secret, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assert_eq!(
            uri,
            "otpauth://totp/Haven:ana%40example.com?secret=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&issuer=Haven"
        );
    }

    #[test]
    fn recovery_codes_are_80_bits_and_normalized_for_comparison() {
        let code = new_recovery_code().unwrap();
        assert_eq!(code.len(), 19, "{code}");
        assert_eq!(code.matches('-').count(), 3);
        assert_ne!(code, new_recovery_code().unwrap());
        let loud = code.to_uppercase().replace('-', " ");
        let (a, b) = (UserId::new(), UserId::new());
        assert_eq!(recovery_code_hash(&a, &code), recovery_code_hash(&a, &loud));
        assert_ne!(recovery_code_hash(&a, &code), recovery_code_hash(&b, &code));
    }
}
