//! Ed25519 keys: the public [`KeySet`] that verifies access tokens (and is published as
//! a JWKS document) and the [`TokenSigner`] that issues them.

use std::collections::BTreeMap;
use std::sync::Arc;

use jsonwebtoken::jwk::{AlgorithmParameters, Jwk};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header};

use super::AccessClaims;

/// DER prefix of a PKCS#8 v1 Ed25519 private key; the 32-byte seed follows (RFC 8410).
const PKCS8_ED25519_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/// A key (or token) that could not be used; the message never contains key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct KeyError(pub String);

/// One public key: what verifies and what the JWKS document shows.
#[derive(Clone)]
struct PublicKey {
    decoding: DecodingKey,
    /// base64url of the 32 raw public key bytes (the JWK `x`).
    x: String,
}

/// Public keys by `kid`. Every key in the set verifies tokens, so during a rotation the
/// new and the previous key verify side by side until the previous one is removed.
#[derive(Clone, Default)]
pub struct KeySet {
    keys: BTreeMap<String, PublicKey>,
}

impl std::fmt::Debug for KeySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeySet")
            .field("kids", &self.keys.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl KeySet {
    /// An empty set (verifies nothing).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the Ed25519 public key `kid` from SPKI PEM
    /// (`-----BEGIN PUBLIC KEY-----`).
    pub fn insert_pem(&mut self, kid: &str, public_key_pem: &str) -> Result<(), KeyError> {
        let decoding = DecodingKey::from_ed_pem(public_key_pem.as_bytes())
            .map_err(|_| KeyError("not an Ed25519 public key in SPKI PEM".to_owned()))?;
        let jwk = Jwk::from_decoding_key(&decoding, Some(Algorithm::EdDSA))
            .map_err(|_| KeyError("not an Ed25519 public key".to_owned()))?;
        self.insert_jwk(kid, &jwk)
    }

    /// Adds (or replaces) `kid` from the raw 32-byte public key, base64url (a JWK `x`).
    pub fn insert_x(&mut self, kid: &str, x: &str) -> Result<(), KeyError> {
        let decoding = DecodingKey::from_ed_components(x)
            .map_err(|_| KeyError("not a base64url Ed25519 public key".to_owned()))?;
        // The verifier slices the first 32 bytes: anything else must not get that far.
        if decoding.try_get_as_bytes().map(<[u8]>::len).ok() != Some(32) {
            return Err(KeyError("an Ed25519 public key has 32 bytes".to_owned()));
        }
        if kid.is_empty() {
            return Err(KeyError("a key needs a non-empty kid".to_owned()));
        }
        self.keys.insert(
            kid.to_owned(),
            PublicKey {
                decoding,
                x: x.to_owned(),
            },
        );
        Ok(())
    }

    fn insert_jwk(&mut self, kid: &str, jwk: &Jwk) -> Result<(), KeyError> {
        match &jwk.algorithm {
            AlgorithmParameters::OctetKeyPair(p) => self.insert_x(kid, &p.x),
            _ => Err(KeyError("not an Ed25519 key".to_owned())),
        }
    }

    /// Removes `kid`; tokens it signed stop verifying. Returns whether it was there.
    pub fn remove(&mut self, kid: &str) -> bool {
        self.keys.remove(kid).is_some()
    }

    /// Whether `kid` is in the set.
    pub fn contains(&self, kid: &str) -> bool {
        self.keys.contains_key(kid)
    }

    /// The key ids, sorted.
    pub fn kids(&self) -> impl Iterator<Item = &str> {
        self.keys.keys().map(String::as_str)
    }

    /// Whether the set has no key.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub(super) fn decoding_key(&self, kid: &str) -> Option<&DecodingKey> {
        self.keys.get(kid).map(|k| &k.decoding)
    }

    /// The public JWKS document (RFC 7517), e.g. for
    /// `/v1/identity/.well-known/jwks.json`.
    pub fn jwks(&self) -> serde_json::Value {
        let keys: Vec<_> = self
            .keys
            .iter()
            .map(|(kid, key)| {
                serde_json::json!({
                    "kty": "OKP",
                    "crv": "Ed25519",
                    "x": key.x,
                    "kid": kid,
                    "alg": "EdDSA",
                    "use": "sig",
                })
            })
            .collect();
        serde_json::json!({ "keys": keys })
    }

    /// [`KeySet::jwks`] as a JSON string.
    pub fn jwks_json(&self) -> String {
        self.jwks().to_string()
    }
}

/// Signs access tokens with one Ed25519 private key, named by its `kid`.
#[derive(Clone)]
pub struct TokenSigner {
    kid: Arc<str>,
    key: Arc<EncodingKey>,
    /// base64url of the public key.
    x: Arc<str>,
}

impl std::fmt::Debug for TokenSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenSigner")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl TokenSigner {
    /// From a PKCS#8 PEM Ed25519 private key (`-----BEGIN PRIVATE KEY-----`).
    pub fn from_pem(kid: &str, private_key_pem: &str) -> Result<Self, KeyError> {
        let key = EncodingKey::from_ed_pem(private_key_pem.as_bytes())
            .map_err(|_| KeyError("not an Ed25519 private key in PKCS#8 PEM".to_owned()))?;
        Self::from_key(kid, key)
    }

    /// A fresh random key (development and tests).
    pub fn generate(kid: &str) -> Result<Self, KeyError> {
        let der = generate_pkcs8_der()?;
        Self::from_key(kid, EncodingKey::from_ed_der(&der))
    }

    fn from_key(kid: &str, key: EncodingKey) -> Result<Self, KeyError> {
        if kid.is_empty() {
            return Err(KeyError("a key needs a non-empty kid".to_owned()));
        }
        // Deriving the public half parses the private key, so a bad key fails here and
        // not at the first login.
        let jwk = Jwk::from_encoding_key(&key, Algorithm::EdDSA)
            .map_err(|_| KeyError("not an Ed25519 private key".to_owned()))?;
        let AlgorithmParameters::OctetKeyPair(params) = &jwk.algorithm else {
            return Err(KeyError("not an Ed25519 private key".to_owned()));
        };
        Ok(Self {
            kid: Arc::from(kid),
            key: Arc::new(key),
            x: Arc::from(params.x.as_str()),
        })
    }

    /// The key id written in the tokens' `kid` header.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// Adds this key's public half to `keys`.
    pub fn add_public_key_to(&self, keys: &mut KeySet) -> Result<(), KeyError> {
        keys.insert_x(&self.kid, &self.x)
    }

    /// Signs `claims` (EdDSA, `kid` header). Refuses claims that no verifier would
    /// accept as an access token: another `typ` or a lifetime over the maximum.
    pub fn issue(&self, claims: &AccessClaims) -> Result<String, KeyError> {
        if claims.typ != super::ACCESS_TYPE {
            return Err(KeyError("only access tokens are JWTs".to_owned()));
        }
        if claims.exp.saturating_sub(claims.iat) > super::MAX_ACCESS_TOKEN_LIFETIME_S
            || claims.exp <= claims.iat
        {
            return Err(KeyError(
                "an access token lives more than 0 s and at most 15 minutes".to_owned(),
            ));
        }
        self.sign(&self.header(), claims)
    }

    /// Signs `claims` without the checks of [`TokenSigner::issue`]: for tests that need
    /// a validly signed token the verifier must still reject (a refresh `typ`, a long
    /// lifetime).
    #[cfg(any(test, feature = "test-support"))]
    pub fn issue_unchecked(&self, claims: &AccessClaims) -> Result<String, KeyError> {
        self.sign(&self.header(), claims)
    }

    /// The header [`TokenSigner::issue`] uses.
    pub(super) fn header(&self) -> Header {
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(self.kid.to_string());
        header
    }

    /// Signs anything with any header: for tests that forge tokens.
    pub(super) fn sign<T: serde::Serialize>(
        &self,
        header: &Header,
        claims: &T,
    ) -> Result<String, KeyError> {
        jsonwebtoken::encode(header, claims, &self.key)
            .map_err(|e| KeyError(format!("could not sign the token: {e}")))
    }
}

/// A random Ed25519 private key as PKCS#8 DER.
fn generate_pkcs8_der() -> Result<Vec<u8>, KeyError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)
        .map_err(|e| KeyError(format!("the OS random generator failed: {e}")))?;
    let mut der = Vec::with_capacity(48);
    der.extend_from_slice(&PKCS8_ED25519_PREFIX);
    der.extend_from_slice(&seed);
    Ok(der)
}

/// A fresh random Ed25519 private key as PKCS#8 PEM (the development key `haven serve`
/// keeps in its data directory).
pub fn generate_private_pem() -> Result<String, KeyError> {
    Ok(wrap("PRIVATE KEY", &generate_pkcs8_der()?))
}

/// DER as PEM with `label`, 64 base64 characters a line.
fn wrap(label: &str, der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// Test helpers: fresh keys as PEM, so tests exercise the same loading path as config.
#[cfg(any(test, feature = "test-support"))]
pub mod pem {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    use super::wrap;

    /// DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32-byte key follows.
    const SPKI_ED25519_PREFIX: [u8; 12] = [
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
    ];

    /// A fresh key pair: (PKCS#8 private PEM, SPKI public PEM).
    pub fn generate_pair() -> (String, String) {
        let der = super::generate_pkcs8_der().unwrap_or_else(|e| panic!("{e}"));
        let signer =
            super::TokenSigner::from_key("tmp", jsonwebtoken::EncodingKey::from_ed_der(&der))
                .unwrap_or_else(|e| panic!("{e}"));
        let public = URL_SAFE_NO_PAD
            .decode(signer.x.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
        let mut spki = SPKI_ED25519_PREFIX.to_vec();
        spki.extend_from_slice(&public);
        (wrap("PRIVATE KEY", &der), wrap("PUBLIC KEY", &spki))
    }
}
