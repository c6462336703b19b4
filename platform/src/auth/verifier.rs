//! Local verification of access tokens (no database hit, docs/architecture.md).

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, Validation};

use super::cache::{self, VerifiedTokens};
use super::keys::KeySet;
use super::{ACCESS_TYPE, AccessClaims, MAX_ACCESS_TOKEN_LIFETIME_S, Principal};

/// Clock skew tolerated between the issuing node and this one on `exp`, `nbf` and `iat`.
/// Small on purpose: access tokens live at most 15 minutes, and NTP keeps nodes within
/// well under a second of each other.
pub const CLOCK_LEEWAY_S: u64 = 30;

/// Longest token considered; longer input is rejected before any parsing.
const MAX_TOKEN_BYTES: usize = 8 * 1024;

/// Header parameters that point the verifier at keys or certificates chosen by the
/// token's author, or demand extensions we do not implement: a token carrying any of
/// them is rejected, whatever their value.
const FORBIDDEN_HEADERS: &[&str] = &["jku", "jwk", "x5u", "x5c", "crit"];

/// Why a token was rejected. For logs and tests only: clients get one generic `401`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Not three base64url parts with a JSON header, or too long.
    #[error("malformed token")]
    Malformed,
    /// `alg` is not `EdDSA` (including `none`).
    #[error("algorithm not allowed")]
    Algorithm,
    /// The header carries `jku`, `jwk`, `x5u`, `x5c` or `crit`.
    #[error("forbidden header parameter")]
    ForbiddenHeader,
    /// The header has no `kid`.
    #[error("missing key id")]
    MissingKid,
    /// The `kid` names no key in the key set.
    #[error("unknown key id")]
    UnknownKid,
    /// The signature does not verify.
    #[error("bad signature")]
    Signature,
    /// `exp` has passed.
    #[error("expired")]
    Expired,
    /// `nbf` (or `iat`) is in the future.
    #[error("not yet valid")]
    NotYetValid,
    /// Wrong `iss`.
    #[error("wrong issuer")]
    Issuer,
    /// Wrong `aud`.
    #[error("wrong audience")]
    Audience,
    /// `typ` is not `access`.
    #[error("not an access token")]
    Type,
    /// `exp - iat` is over 15 minutes (or not positive).
    #[error("lifetime too long")]
    Lifetime,
    /// A required claim is missing, empty or of the wrong type (roles included).
    #[error("invalid claims")]
    Claims,
    /// `sub` is not a user id (`usr_…`) or `sid` not a session id (`ses_…`): a token
    /// nobody should have signed, refused so no handler ever sees a malformed id.
    #[error("subject or session is not a well-formed id")]
    Subject,
}

/// Verifies access tokens against a [`KeySet`], an issuer and an audience. Tokens that
/// verified are remembered until they expire (`auth/cache.rs`), so a repeated token costs
/// no signature check; clones share that memory, a verifier built from other keys does not.
#[derive(Clone, Debug)]
pub struct TokenVerifier {
    keys: Arc<KeySet>,
    validation: Arc<Validation>,
    pub(super) verified: VerifiedTokens,
}

impl TokenVerifier {
    /// Accepts EdDSA tokens signed by a key of `keys`, from `issuer`, for `audience`.
    pub fn new(keys: KeySet, issuer: &str, audience: &str) -> Self {
        // Pinned to EdDSA: the header's `alg` only has to agree, it never chooses.
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["iss", "aud", "sub", "exp", "nbf"]);
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.validate_aud = true;
        validation.leeway = CLOCK_LEEWAY_S;
        Self {
            keys: Arc::new(keys),
            validation: Arc::new(validation),
            verified: VerifiedTokens::new(),
        }
    }

    /// The keys this verifier trusts (their public JWKS document included).
    pub fn keys(&self) -> &KeySet {
        &self.keys
    }

    /// Verifies `token` and returns who it speaks for.
    pub fn verify(&self, token: &str) -> Result<Principal, TokenError> {
        self.verify_at(token, cache::now())
    }

    /// [`TokenVerifier::verify`] with the cache read at `now` (Unix s). A cached token
    /// past its expiry at `now` is `Expired` without a second look, which would read the
    /// real clock.
    pub(super) fn verify_at(&self, token: &str, now: i64) -> Result<Principal, TokenError> {
        if let Some(cached) = self.verified.get(token, now) {
            return cached;
        }
        let principal = self.verify_uncached(token)?;
        self.verified.insert(token, &principal);
        Ok(principal)
    }

    /// Every check, without the cache.
    fn verify_uncached(&self, token: &str) -> Result<Principal, TokenError> {
        let kid = self.check_header(token)?;
        let key = self.keys.decoding_key(&kid).ok_or(TokenError::UnknownKid)?;
        let data = jsonwebtoken::decode::<AccessClaims>(token, key, &self.validation)
            .map_err(|e| map_error(e.kind()))?;
        let claims = data.claims;
        if claims.typ != ACCESS_TYPE {
            return Err(TokenError::Type);
        }
        let lifetime = claims.exp.saturating_sub(claims.iat);
        if lifetime <= 0 || lifetime > MAX_ACCESS_TOKEN_LIFETIME_S {
            return Err(TokenError::Lifetime);
        }
        let now = i64::try_from(jsonwebtoken::get_current_timestamp()).unwrap_or(i64::MAX);
        if claims.iat > now.saturating_add(CLOCK_LEEWAY_S as i64) {
            return Err(TokenError::NotYetValid);
        }
        if claims.jti.is_empty() {
            return Err(TokenError::Claims);
        }
        let (Ok(user_id), Ok(session_id)) = (claims.sub.parse(), claims.sid.parse()) else {
            return Err(TokenError::Subject);
        };
        let expires_at =
            chrono::DateTime::from_timestamp(claims.exp, 0).ok_or(TokenError::Claims)?;
        Ok(Principal {
            user_id,
            session_id,
            roles: claims.roles,
            amr: claims.amr,
            token_id: claims.jti,
            expires_at,
        })
    }

    /// Inspects the raw header (before any key is chosen) and returns the `kid`.
    fn check_header(&self, token: &str) -> Result<String, TokenError> {
        if token.len() > MAX_TOKEN_BYTES || token.split('.').count() != 3 {
            return Err(TokenError::Malformed);
        }
        let encoded = token.split('.').next().ok_or(TokenError::Malformed)?;
        let bytes = URL_SAFE_NO_PAD
            .decode(encoded)
            .map_err(|_| TokenError::Malformed)?;
        let header: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(&bytes).map_err(|_| TokenError::Malformed)?;
        if header.get("alg").and_then(serde_json::Value::as_str) != Some("EdDSA") {
            return Err(TokenError::Algorithm);
        }
        if FORBIDDEN_HEADERS.iter().any(|h| header.contains_key(*h)) {
            return Err(TokenError::ForbiddenHeader);
        }
        match header.get("kid") {
            None | Some(serde_json::Value::Null) => Err(TokenError::MissingKid),
            Some(serde_json::Value::String(kid)) if !kid.is_empty() => Ok(kid.clone()),
            Some(_) => Err(TokenError::UnknownKid),
        }
    }
}

fn map_error(kind: &ErrorKind) -> TokenError {
    match kind {
        ErrorKind::InvalidSignature => TokenError::Signature,
        ErrorKind::ExpiredSignature => TokenError::Expired,
        ErrorKind::ImmatureSignature => TokenError::NotYetValid,
        ErrorKind::InvalidIssuer => TokenError::Issuer,
        ErrorKind::InvalidAudience => TokenError::Audience,
        ErrorKind::InvalidAlgorithm | ErrorKind::MissingAlgorithm => TokenError::Algorithm,
        ErrorKind::MissingRequiredClaim(_)
        | ErrorKind::InvalidClaimFormat(_)
        | ErrorKind::InvalidSubject
        | ErrorKind::Json(_)
        | ErrorKind::Utf8(_) => TokenError::Claims,
        _ => TokenError::Malformed,
    }
}
