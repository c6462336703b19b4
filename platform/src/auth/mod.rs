//! Authentication shared by every domain (docs/architecture.md "Authentication and authorization"):
//! short-lived EdDSA access tokens verified locally, the [`Principal`] they speak for,
//! and the `bearer` security scheme ([`BearerAuth`]) operations declare.
//!
//! Identity issues tokens with [`Auth::issue`] and publishes [`KeySet::jwks_json`]; every
//! other domain only verifies, through [`BearerAuth`] or [`Auth::verify`], so none depends
//! on identity. Tokens and claims are never logged, apart from the subject id.

use std::time::Duration;

use poem::http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::config::AuthSettings;
use crate::http::error_set::documents_code;
use crate::http::problem::{ApiError, ErrorSet};
use crate::ids::{SessionId, UserId};

mod cache;
pub mod dev_keys;
mod guard;
mod keys;
mod scheme;
#[cfg(test)]
mod tests;
mod verifier;

pub use guard::{AccountStates, Guard, LiveAccount, Refusal, SECOND_FACTOR_ROLES};
#[cfg(any(test, feature = "test-support"))]
pub use keys::pem as test_keys;
pub use keys::{KeyError, KeySet, TokenSigner, generate_private_pem};
pub use scheme::{AuthErrors, BearerAuth, unauthorized};
pub use verifier::{CLOCK_LEEWAY_S, TokenError, TokenVerifier};

/// The `typ` claim of access tokens; anything else (a refresh token, an email link) is
/// rejected where an access token is expected.
pub const ACCESS_TYPE: &str = "access";

/// Longest lifetime (`exp - iat`) of an access token: 15 minutes (docs/architecture.md).
pub const MAX_ACCESS_TOKEN_LIFETIME_S: i64 = 15 * 60;

/// A role: `member`, `coach`, `clinician` or `admin`. Granted by the server only, never
/// by a request body.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    poem_openapi::Enum,
)]
#[serde(rename_all = "snake_case")]
#[oai(rename_all = "snake_case")]
pub enum Role {
    /// A member (the default).
    Member,
    /// A coach.
    Coach,
    /// A clinician.
    Clinician,
    /// An administrator.
    Admin,
}

/// The claims of an access token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessClaims {
    /// Issuer (`auth.issuer`).
    pub iss: String,
    /// Audience (`auth.audience`).
    pub aud: String,
    /// The user id (`usr_…`); the verifier refuses a token whose `sub` is not one.
    /// Text here, as on the wire, so tests can sign malformed ones.
    pub sub: String,
    /// Expiry, Unix seconds; at most 15 minutes after `iat`.
    pub exp: i64,
    /// Not before, Unix seconds.
    pub nbf: i64,
    /// Issued at, Unix seconds.
    pub iat: i64,
    /// Unique token id.
    pub jti: String,
    /// The session (refresh-token family, `ses_…`) the token belongs to; the verifier
    /// refuses a token whose `sid` is not one.
    pub sid: String,
    /// The user's roles when the token was issued.
    pub roles: Vec<Role>,
    /// Always [`ACCESS_TYPE`].
    pub typ: String,
    /// Authentication methods (RFC 8176), e.g. `pwd`, `mfa`, `otp`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amr: Vec<String>,
}

/// Who an authenticated request speaks for, from a verified access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The user id (`sub`), well-formed: the verifier refuses any other.
    pub user_id: UserId,
    /// The session id (`sid`), well-formed: the verifier refuses any other.
    pub session_id: SessionId,
    /// Roles at issue time.
    pub roles: Vec<Role>,
    /// Authentication methods (`amr`).
    pub amr: Vec<String>,
    /// The token's id (`jti`).
    pub token_id: String,
    /// When the token expires.
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

impl Principal {
    /// Whether the principal holds `role`.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// `403 forbidden` unless the token carries `role`. The token's roles may be up to
    /// 15 minutes old: privileged operations use [`Guard::require_role`], which also
    /// asks the account's live state.
    pub fn require_role<S: ErrorSet>(&self, role: Role) -> Result<(), ApiError<S>> {
        self.require_any_role(&[role])
    }

    /// `403 forbidden` unless the principal holds one of `roles` (which `S` must
    /// document: name [`Refusal`] in its `error_set!`, or make it `guarded`).
    pub fn require_any_role<S: ErrorSet>(&self, roles: &[Role]) -> Result<(), ApiError<S>> {
        const {
            assert!(
                documents_code(S::CODES, (403, "forbidden")),
                "the operation's error set does not document 403 forbidden (name Refusal)"
            );
        }
        if roles.iter().any(|r| self.has_role(*r)) {
            Ok(())
        } else {
            Err(ApiError::new(StatusCode::FORBIDDEN, "forbidden")
                .detail("Your account is not allowed to do this."))
        }
    }

    /// Whether the token was issued after a second factor (`amr` has `mfa` or `otp`).
    pub fn has_mfa(&self) -> bool {
        self.amr.iter().any(|m| m == "mfa" || m == "otp")
    }

    /// `403 mfa_required` unless the token was issued after a second factor (which `S`
    /// must document: name [`Refusal`] in its `error_set!`, or make it `guarded`).
    pub fn require_mfa<S: ErrorSet>(&self) -> Result<(), ApiError<S>> {
        const {
            assert!(
                documents_code(S::CODES, (403, "mfa_required")),
                "the operation's error set does not document 403 mfa_required (name Refusal)"
            );
        }
        if self.has_mfa() {
            Ok(())
        } else {
            Err(ApiError::new(StatusCode::FORBIDDEN, "mfa_required")
                .detail("Sign in again with your second factor to do this."))
        }
    }
}

/// The platform's token machinery: the verifier every domain uses and the signer
/// identity issues with. Cheap to clone (reference counts only): every request gets one.
#[derive(Clone, Debug)]
pub struct Auth {
    verifier: TokenVerifier,
    signer: TokenSigner,
    issuer: std::sync::Arc<str>,
    audience: std::sync::Arc<str>,
}

impl Auth {
    /// From validated settings. Without `auth.signing_key_pem`, generates a throwaway key
    /// and warns: fine for development, wrong for more than one node.
    pub fn from_settings(settings: &AuthSettings) -> Result<Self, KeyError> {
        let signer = match (&settings.signing_key_pem, &settings.signing_key_id) {
            (Some(pem), Some(kid)) => TokenSigner::from_pem(kid, pem.expose())
                .map_err(|e| KeyError(format!("auth.signing_key_pem: {e}")))?,
            (Some(_), None) => {
                return Err(KeyError(
                    "auth.signing_key_id: required with auth.signing_key_pem".to_owned(),
                ));
            }
            (None, _) => {
                let kid = format!("dev-{}", &uuid::Uuid::new_v4().simple().to_string()[..12]);
                let signer = TokenSigner::generate(&kid)?;
                tracing::warn!(
                    kid = %kid,
                    "auth.signing_key_pem is not set: access tokens are signed with a \
                     throwaway key generated at start (development only: tokens die with \
                     this process and other nodes reject them)"
                );
                signer
            }
        };
        let mut keys = KeySet::new();
        for key in &settings.verify_keys {
            keys.insert_pem(&key.kid, &key.public_key_pem)
                .map_err(|e| KeyError(format!("auth.verify_keys (kid {:?}): {e}", key.kid)))?;
        }
        signer.add_public_key_to(&mut keys)?;
        Ok(Self::new(
            signer,
            keys,
            &settings.issuer,
            &settings.audience,
        ))
    }

    /// From a signer and the other keys that verify (the signer's own is added by
    /// [`Auth::from_settings`]; here `keys` is taken as it is).
    pub fn new(signer: TokenSigner, keys: KeySet, issuer: &str, audience: &str) -> Self {
        Self {
            verifier: TokenVerifier::new(keys, issuer, audience),
            signer,
            issuer: std::sync::Arc::from(issuer),
            audience: std::sync::Arc::from(audience),
        }
    }

    /// The verifier.
    pub fn verifier(&self) -> &TokenVerifier {
        &self.verifier
    }

    /// The signer (identity only).
    pub fn signer(&self) -> &TokenSigner {
        &self.signer
    }

    /// The public JWKS document of every key that verifies.
    pub fn jwks_json(&self) -> String {
        self.verifier.keys().jwks_json()
    }

    /// Verifies an access token.
    pub fn verify(&self, token: &str) -> Result<Principal, TokenError> {
        self.verifier.verify(token)
    }

    /// Claims of a new access token issued now, living `ttl` (capped at 15 minutes),
    /// with a fresh `jti`.
    pub fn access_claims(
        &self,
        user_id: &UserId,
        session_id: &SessionId,
        roles: Vec<Role>,
        amr: Vec<String>,
        ttl: Duration,
    ) -> AccessClaims {
        let now = chrono::Utc::now().timestamp();
        let ttl = i64::try_from(ttl.as_secs())
            .unwrap_or(i64::MAX)
            .clamp(1, MAX_ACCESS_TOKEN_LIFETIME_S);
        AccessClaims {
            iss: self.issuer.to_string(),
            aud: self.audience.to_string(),
            sub: user_id.to_string(),
            exp: now + ttl,
            nbf: now,
            iat: now,
            jti: uuid::Uuid::new_v4().to_string(),
            sid: session_id.to_string(),
            roles,
            typ: ACCESS_TYPE.to_owned(),
            amr,
        }
    }

    /// Signs `claims` with the current signing key.
    pub fn issue(&self, claims: &AccessClaims) -> Result<String, KeyError> {
        self.signer.issue(claims)
    }
}

/// Checks the `auth.*` settings at load; messages name the key, never the key material.
pub(crate) fn validate_settings(settings: &AuthSettings) -> Result<(), String> {
    if settings.issuer.trim().is_empty() {
        return Err("auth.issuer: must not be empty".to_owned());
    }
    if settings.audience.trim().is_empty() {
        return Err("auth.audience: must not be empty".to_owned());
    }
    match (&settings.signing_key_pem, &settings.signing_key_id) {
        (Some(_), None) => {
            return Err("auth.signing_key_id: required with auth.signing_key_pem".to_owned());
        }
        (None, Some(_)) => {
            return Err("auth.signing_key_id: set without auth.signing_key_pem".to_owned());
        }
        (Some(pem), Some(kid)) => {
            TokenSigner::from_pem(kid, pem.expose())
                .map_err(|e| format!("auth.signing_key_pem: {e}"))?;
        }
        (None, None) => {}
    }
    let mut seen = std::collections::BTreeSet::new();
    if let Some(kid) = &settings.signing_key_id {
        seen.insert(kid.as_str());
    }
    for key in &settings.verify_keys {
        if !seen.insert(key.kid.as_str()) {
            return Err(format!(
                "auth.verify_keys: kid {:?} is used twice (or is the signing key's)",
                key.kid
            ));
        }
        KeySet::new()
            .insert_pem(&key.kid, &key.public_key_pem)
            .map_err(|e| format!("auth.verify_keys (kid {:?}): {e}", key.kid))?;
    }
    settings.mfa_encryption_key_bytes()?;
    Ok(())
}
