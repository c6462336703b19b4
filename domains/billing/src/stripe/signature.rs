//! `Stripe-Signature` verification: `t=<unix seconds>` and one or more
//! `v1=<hex HMAC-SHA256 of "t.payload">`; a signature by any secret of the rotation list
//! is accepted (compared in constant time), and `t` must be within the tolerance of now,
//! both ways. Checked before the payload is parsed.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Stripe's default tolerance, in seconds.
pub const TOLERANCE_S: i64 = 300;

/// Why a signature was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// No header, no `t=`, two `t=`, or no `v1=`.
    #[error("malformed Stripe-Signature header")]
    Malformed,
    /// No `v1` signature matches any secret.
    #[error("no matching signature")]
    Mismatch,
    /// The timestamp is outside the tolerance.
    #[error("timestamp outside the tolerance")]
    Stale,
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The hex HMAC-SHA256 of `t.payload` under `secret` (tests sign with it).
pub fn sign(secret: &str, t: &str, payload: &[u8]) -> String {
    let bytes = mac(secret, t, payload).finalize().into_bytes();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unreachable_mac() -> Hmac<Sha256> {
    // HMAC accepts keys of any length; this is never reached.
    Hmac::<Sha256>::new(&Default::default())
}

fn mac(secret: &str, t: &str, payload: &[u8]) -> Hmac<Sha256> {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable_mac());
    mac.update(t.as_bytes());
    mac.update(b".");
    mac.update(payload);
    mac
}

/// Verifies `header` for `payload` against `secrets` at `now` (Unix seconds); the
/// signed timestamp on success.
pub fn verify<'a>(
    header: Option<&str>,
    payload: &[u8],
    secrets: impl IntoIterator<Item = &'a str> + Clone,
    now: i64,
    tolerance_s: i64,
) -> Result<i64, SignatureError> {
    let header = header.ok_or(SignatureError::Malformed)?;
    let mut t = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        let Some((key, value)) = part.trim().split_once('=') else {
            continue;
        };
        match key {
            "t" if t.is_none() => t = Some(value),
            "t" => return Err(SignatureError::Malformed),
            "v1" => signatures.extend(hex_decode(value)),
            _ => {}
        }
    }
    let t_text = t.ok_or(SignatureError::Malformed)?;
    let t: i64 = t_text.parse().map_err(|_| SignatureError::Malformed)?;
    if signatures.is_empty() {
        return Err(SignatureError::Malformed);
    }
    let matched = secrets.into_iter().any(|secret| {
        signatures
            .iter()
            .any(|sig| mac(secret, t_text, payload).verify_slice(sig).is_ok())
    });
    if !matched {
        return Err(SignatureError::Mismatch);
    }
    if (now - t).abs() > tolerance_s {
        return Err(SignatureError::Stale);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = br#"{"id":"evt_1"}"#;

    fn header(secret: &str, t: i64, body: &[u8]) -> String {
        format!("t={t},v1={}", sign(secret, &t.to_string(), body))
    }

    #[test]
    fn a_signature_by_any_listed_secret_within_the_tolerance_is_accepted() {
        let h = header("whsec_new", 1000, BODY);
        assert_eq!(
            verify(Some(&h), BODY, ["whsec_old", "whsec_new"], 1000, 300),
            Ok(1000)
        );
        assert_eq!(verify(Some(&h), BODY, ["whsec_new"], 1300, 300), Ok(1000));
        assert_eq!(verify(Some(&h), BODY, ["whsec_new"], 700, 300), Ok(1000));
        // Several v1 entries (Stripe sends one per active secret) and unknown schemes.
        let both = format!(
            "t=1000,v0=abc,v1=00ff,v1={}",
            sign("whsec_new", "1000", BODY)
        );
        assert_eq!(
            verify(Some(&both), BODY, ["whsec_new"], 1000, 300),
            Ok(1000)
        );
    }

    #[test]
    fn wrong_secrets_modified_bodies_and_stale_or_future_timestamps_are_refused() {
        let h = header("whsec_a", 1000, BODY);
        assert_eq!(
            verify(Some(&h), BODY, ["whsec_b"], 1000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(Some(&h), br#"{"id":"evt_2"}"#, ["whsec_a"], 1000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(Some(&h), BODY, ["whsec_a"], 1301, 300),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify(Some(&h), BODY, ["whsec_a"], 699, 300),
            Err(SignatureError::Stale)
        );
        // The timestamp is part of what is signed.
        let moved = h.replace("t=1000", "t=1001");
        assert_eq!(
            verify(Some(&moved), BODY, ["whsec_a"], 1000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(Some(&h), BODY, [], 1000, 300),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn malformed_headers_are_refused() {
        let sig = sign("s", "1000", BODY);
        for h in [
            String::new(),
            format!("v1={sig}"),
            "t=1000".to_owned(),
            format!("t=abc,v1={sig}"),
            format!("t=1000,t=1000,v1={sig}"),
            "t=1000,v1=zz".to_owned(),
        ] {
            assert_eq!(
                verify(Some(&h), BODY, ["s"], 1000, 300),
                Err(SignatureError::Malformed),
                "{h}"
            );
        }
        assert_eq!(
            verify(None, BODY, ["s"], 1000, 300),
            Err(SignatureError::Malformed)
        );
    }
}
