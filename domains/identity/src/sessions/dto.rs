//! Wire types of login, token refresh and sessions.

use haven_platform::http::timestamp::Timestamp;
use haven_platform::ids::SessionId;
use poem_openapi::{Enum, Object, Union};

use super::model::{LoginOutcome, LoginTokens, MfaChallenge, Session};

/// Body of `POST /v1/identity/login`. Unknown fields are rejected.
#[derive(Clone, Object)]
#[oai(rename = "IdentityLoginRequest", deny_unknown_fields)]
pub struct LoginRequest {
    /// The account's email address.
    #[oai(validator(max_length = 320))]
    pub email: String,
    /// The account's password.
    #[oai(validator(max_length = 1024))]
    pub password: String,
    /// A label for the device, shown in the session list (at most 100 characters).
    pub device_label: Option<String>,
}

/// Body of `POST /v1/identity/token/refresh`.
#[derive(Clone, Object)]
#[oai(rename = "IdentityRefreshRequest", deny_unknown_fields)]
pub struct RefreshRequest {
    /// The refresh token of the last login or refresh.
    #[oai(validator(max_length = 256))]
    pub refresh_token: String,
}

/// The type of the issued access token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "IdentityTokenType")]
pub enum TokenType {
    /// Send as `Authorization: Bearer <access_token>`.
    Bearer,
}

/// Tokens of a new session.
#[derive(Clone, Object)]
#[oai(rename = "IdentityTokenResponse")]
pub struct TokenResponse {
    /// A short-lived access token (JWT).
    pub access_token: String,
    /// An opaque refresh token (256 bits, base64url); keep it secret.
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: TokenType,
    /// Seconds until the access token expires.
    pub expires_in: u32,
    /// The new session's id.
    pub session_id: SessionId,
    /// `true` when the account's role (`clinician`, `admin`) requires two-step
    /// verification and none is set up: enroll with `POST /v1/identity/me/mfa/totp`;
    /// endpoints of that role answer `403 mfa_required` until then.
    pub mfa_enrollment_required: bool,
}

impl From<LoginTokens> for TokenResponse {
    fn from(t: LoginTokens) -> Self {
        Self {
            access_token: t.access_token,
            refresh_token: t.refresh_token,
            token_type: TokenType::Bearer,
            expires_in: t.expires_in,
            session_id: t.session_id,
            mfa_enrollment_required: t.mfa_enrollment_required,
        }
    }
}

/// An active session (a signed-in device).
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentitySession")]
pub struct SessionDto {
    /// The session id.
    pub id: SessionId,
    /// The label the device gave at login, if any.
    pub device_label: Option<String>,
    /// The network of the last login or refresh, coarse on purpose (IPv4 `/24`, IPv6
    /// `/48`), e.g. `203.0.113.0/24`; absent when unknown.
    pub ip_coarse: Option<String>,
    /// When the session was opened.
    pub created_at: Timestamp,
    /// The session's last login or token refresh.
    pub last_used_at: Timestamp,
    /// Whether this is the session of the token that made the request.
    pub current: bool,
}

impl SessionDto {
    /// From the domain type; `current` is the caller's session id.
    pub fn new(s: Session, current: SessionId) -> Self {
        let is_current = s.id == current;
        Self {
            id: s.id,
            device_label: s.device_label,
            ip_coarse: s.ip_coarse,
            created_at: s.created_at.into(),
            last_used_at: s.last_used_at.into(),
            current: is_current,
        }
    }
}

/// Answer of `POST /v1/identity/login`: tokens, or a second-factor step first. Tell them
/// apart by `status`.
#[derive(Clone, Union)]
#[oai(rename = "IdentityLoginResult", discriminator_name = "status", one_of)]
pub enum LoginResult {
    /// Signed in: the session's tokens.
    #[oai(mapping = "authenticated")]
    Authenticated(TokenResponse),
    /// The password was right and the account has two-step verification: send a code
    /// with `mfa_token` to `POST /v1/identity/login/mfa`.
    #[oai(mapping = "mfa_required")]
    MfaRequired(MfaChallengeResponse),
}

impl From<LoginOutcome> for LoginResult {
    fn from(outcome: LoginOutcome) -> Self {
        match outcome {
            LoginOutcome::Tokens(tokens) => Self::Authenticated(tokens.into()),
            LoginOutcome::MfaRequired(challenge) => Self::MfaRequired(challenge.into()),
        }
    }
}

/// A login waiting for its second factor.
#[derive(Clone, Object)]
#[oai(rename = "IdentityMfaChallenge")]
pub struct MfaChallengeResponse {
    /// Opaque, single-use token of this login step; keep it secret.
    pub mfa_token: String,
    /// Seconds until `mfa_token` expires (then sign in with the password again).
    pub expires_in: u32,
}

impl From<MfaChallenge> for MfaChallengeResponse {
    fn from(c: MfaChallenge) -> Self {
        Self {
            mfa_token: c.token,
            expires_in: c.expires_in,
        }
    }
}
