//! Named keys of a rotation list (`[{id, secret}]` in a file, or `id:base64` entries,
//! comma-separated, in an environment variable so they can come from a Kubernetes
//! Secret): media URL signing keys, the master keys of clinical notes.

use std::ops::RangeInclusive;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::auth::Secret;

/// One key of a rotation list: an id that stored data or URLs name, and its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "NamedKeyForm")]
pub struct NamedKey {
    /// The key id: 1–16 letters, digits, `-` or `_`.
    pub id: String,
    /// The key: base64 of random bytes (how many depends on the list).
    pub secret: Secret,
}

/// The two spellings of a [`NamedKey`].
#[derive(Deserialize)]
#[serde(untagged)]
enum NamedKeyForm {
    Table(NamedKeyTable),
    Compact(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedKeyTable {
    id: String,
    secret: Secret,
}

impl TryFrom<NamedKeyForm> for NamedKey {
    type Error = String;

    fn try_from(form: NamedKeyForm) -> Result<Self, String> {
        match form {
            NamedKeyForm::Table(t) => Ok(Self {
                id: t.id,
                secret: t.secret,
            }),
            // Base64 has no `:`, so the first one separates the id from the secret.
            NamedKeyForm::Compact(s) => match s.split_once(':') {
                Some((id, secret)) => Ok(Self {
                    id: id.trim().to_owned(),
                    secret: Secret::new(secret.trim()),
                }),
                None => {
                    Err("expected `id:base64-secret` entries or {id, secret} tables".to_owned())
                }
            },
        }
    }
}

/// The decoded keys `(id, bytes)` of the list at `key` (its name in messages), in order;
/// or why one is invalid: a bad or repeated id, or a secret that is not base64 of a
/// length in `len`. Messages name the key id, never the secret.
pub fn decode_named_keys(
    key: &str,
    keys: &[NamedKey],
    len: RangeInclusive<usize>,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    for k in keys {
        let id_ok = (1..=16).contains(&k.id.len())
            && k.id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !id_ok {
            return Err(format!(
                "{key}: an id is 1 to 16 letters, digits, `-` or `_`"
            ));
        }
        if out.iter().any(|(id, _)| *id == k.id) {
            return Err(format!("{key}: the id {:?} appears twice", k.id));
        }
        let expected = if *len.end() == usize::MAX {
            format!("at least {} bytes", len.start())
        } else if len.start() == len.end() {
            format!("{} bytes", len.start())
        } else {
            format!("{} to {} bytes", len.start(), len.end())
        };
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(k.secret.expose().trim())
            .ok()
            .filter(|b| len.contains(&b.len()))
            .ok_or_else(|| {
                format!(
                    "{key}: the secret of {:?} is not base64 of {expected}",
                    k.id
                )
            })?;
        out.push((k.id.clone(), bytes));
    }
    Ok(out)
}
