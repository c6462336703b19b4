//! Wire types of the public key set (RFC 7517).

use poem_openapi::Object;

/// One public key (RFC 7517).
#[derive(Debug, Clone, Object, serde::Deserialize)]
#[oai(rename = "IdentityJwk")]
pub struct Jwk {
    /// Key type (`OKP`).
    pub kty: String,
    /// Curve (`Ed25519`).
    pub crv: String,
    /// The public key, base64url.
    pub x: String,
    /// The key id that access tokens name in their `kid` header.
    pub kid: String,
    /// Algorithm (`EdDSA`).
    pub alg: String,
    /// Use (`sig`).
    #[oai(rename = "use")]
    #[serde(rename = "use")]
    pub key_use: String,
}

/// The keys that verify access tokens (RFC 7517 JWK set).
#[derive(Debug, Clone, Object, serde::Deserialize)]
#[oai(rename = "IdentityJwkSet")]
pub struct JwkSet {
    /// Every key that currently verifies.
    pub keys: Vec<Jwk>,
}
