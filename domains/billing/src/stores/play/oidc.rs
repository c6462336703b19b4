//! The OIDC token of a Pub/Sub push (`Authorization: Bearer …`): RS256 by one of the
//! configured keys (Google's JWKS), for our audience, issued by Google to the configured
//! service account, with a verified email, not expired.

use std::collections::HashSet;

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

/// What a push must be authenticated against.
#[derive(Debug, Clone)]
pub struct PushAuth {
    /// The signing keys.
    pub keys: JwkSet,
    /// The expected `aud`.
    pub audience: String,
    /// The expected `email`.
    pub service_account: String,
    /// The expected `iss` (also accepted without its scheme, as Google issues both).
    pub issuer: String,
}

#[derive(Debug, Deserialize)]
struct Claims {
    email: Option<String>,
    email_verified: Option<bool>,
}

/// Why a token was refused (logged, never answered in detail).
pub type Refusal = &'static str;

/// Verifies the `Authorization` header's bearer token.
pub fn verify(authorization: Option<&str>, auth: &PushAuth) -> Result<(), Refusal> {
    let token = authorization
        .and_then(|h| h.strip_prefix("Bearer "))
        .ok_or("no bearer token")?
        .trim();
    let header = jsonwebtoken::decode_header(token).map_err(|_| "malformed token")?;
    if header.alg != Algorithm::RS256 {
        return Err("alg is not RS256");
    }
    let kid = header.kid.ok_or("token without kid")?;
    let jwk = auth.keys.find(&kid).ok_or("unknown kid")?;
    let key = DecodingKey::from_jwk(jwk).map_err(|_| "unusable key")?;
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_audience(&[auth.audience.as_str()]);
    let bare = auth.issuer.trim_start_matches("https://");
    validation.set_issuer(&[auth.issuer.as_str(), bare]);
    validation.required_spec_claims = HashSet::from(["exp", "aud", "iss"].map(str::to_owned));
    let data =
        jsonwebtoken::decode::<Claims>(token, &key, &validation).map_err(|e| match e.kind() {
            jsonwebtoken::errors::ErrorKind::ExpiredSignature => "token expired",
            jsonwebtoken::errors::ErrorKind::InvalidAudience => "wrong audience",
            jsonwebtoken::errors::ErrorKind::InvalidIssuer => "wrong issuer",
            jsonwebtoken::errors::ErrorKind::InvalidSignature => "bad signature",
            _ => "invalid token",
        })?;
    if data.claims.email.as_deref() != Some(auth.service_account.as_str()) {
        return Err("wrong service account");
    }
    if data.claims.email_verified != Some(true) {
        return Err("email not verified");
    }
    Ok(())
}
