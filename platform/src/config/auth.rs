//! `auth.*` keys: who issues access tokens, for whom, and with which keys.

use serde::{Deserialize, Serialize};

/// A secret setting: serialized as it is (so the config layers can merge it), but never
/// printed by `Debug`; `Settings::redacted_toml` replaces it with `***`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself; never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// One public key that verifies access tokens: `auth.verify_keys = [{kid, public_key_pem}]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyKeySettings {
    /// The key id tokens name in their `kid` header.
    pub kid: String,
    /// Ed25519 public key, SPKI PEM (`-----BEGIN PUBLIC KEY-----`).
    pub public_key_pem: String,
}

/// `auth.*` keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuthSettings {
    /// The `iss` of access tokens.
    pub issuer: String,
    /// The `aud` of access tokens.
    pub audience: String,
    /// Ed25519 private key that signs access tokens, PKCS#8 PEM
    /// (`-----BEGIN PRIVATE KEY-----`). Unset: a throwaway key is generated at start
    /// (development only: tokens die with the process and other nodes reject them).
    pub signing_key_pem: Option<Secret>,
    /// The `kid` of the signing key; required with `signing_key_pem`.
    pub signing_key_id: Option<String>,
    /// Further public keys that verify tokens (rotation: keep the previous signing key's
    /// public half here until the tokens it signed have expired).
    pub verify_keys: Vec<VerifyKeySettings>,
    /// AES-256-GCM key that encrypts TOTP second-factor secrets at rest: base64 of 32
    /// random bytes (e.g. `openssl rand -base64 32`). Unset: a throwaway key is generated
    /// at start (development only: second factors enrolled under it stop working when the
    /// process exits, and other nodes cannot read them).
    pub mfa_encryption_key: Option<Secret>,
}

impl AuthSettings {
    /// The decoded `auth.mfa_encryption_key`, `None` when unset, or why it is invalid
    /// (the message names the key, never its value).
    pub fn mfa_encryption_key_bytes(&self) -> Result<Option<[u8; 32]>, String> {
        use base64::Engine;
        let Some(key) = &self.mfa_encryption_key else {
            return Ok(None);
        };
        let invalid = || "auth.mfa_encryption_key: expected base64 of 32 bytes".to_owned();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(key.expose().trim())
            .map_err(|_| invalid())?;
        <[u8; 32]>::try_from(bytes.as_slice())
            .map(Some)
            .map_err(|_| invalid())
    }
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            issuer: "haven".to_owned(),
            audience: "haven-api".to_owned(),
            signing_key_pem: None,
            signing_key_id: None,
            verify_keys: Vec::new(),
            mfa_encryption_key: None,
        }
    }
}
