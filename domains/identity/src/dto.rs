//! Wire types of the identity API (the SDK-facing surface).

use haven_platform::auth::Role;
use haven_platform::http::text::Text;
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::types::MaybeUndefined;
use poem_openapi::{Enum, Object};

use crate::model::{LoginTokens, Session, SessionId, User, UserId};

/// Body of `POST /v1/identity/register`. Unknown fields (e.g. `role`) are rejected.
#[derive(Clone, Object)]
#[oai(rename = "IdentityRegisterRequest", deny_unknown_fields)]
pub struct RegisterRequest {
    /// The email address; trimmed, and compared case-insensitively.
    pub email: Text<rules::EmailAddress>,
    /// 12 to 128 characters (after Unicode NFKC normalization), any characters, not a
    /// common password.
    pub password: Text<rules::NewPassword>,
    /// The name shown to others (at most 100 characters).
    pub display_name: Option<Text<rules::DisplayName>>,
}

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

/// A user account.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityUser")]
pub struct UserDto {
    /// The user id.
    pub id: UserId,
    /// The email address (domain in lower case).
    pub email: String,
    /// The display name, if set.
    pub display_name: Option<String>,
    /// The roles granted to the account.
    pub roles: Vec<Role>,
    /// When the account was created.
    pub created_at: Timestamp,
    /// IANA time-zone name, e.g. `Europe/Paris`, if set.
    pub time_zone: Option<String>,
    /// BCP 47 language tag, e.g. `fr-CA`, if set.
    pub locale: Option<String>,
    /// Whether the member agreed to marketing messages.
    pub marketing_consent: bool,
    /// When `marketing_consent` last changed; absent if it never did.
    pub marketing_consent_at: Option<Timestamp>,
    /// When the member proved they own the email address; absent until then.
    pub email_verified_at: Option<Timestamp>,
}

impl From<User> for UserDto {
    fn from(u: User) -> Self {
        Self {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            roles: u.roles,
            created_at: u.created_at.into(),
            time_zone: u.time_zone,
            locale: u.locale,
            marketing_consent: u.marketing_consent,
            marketing_consent_at: u.marketing_consent_at.map(Into::into),
            email_verified_at: u.email_verified_at.map(Into::into),
        }
    }
}

/// `PATCH /v1/identity/me`: the profile fields to change. An absent field is left as it
/// is; `null` clears `display_name`, `time_zone` or `locale`. Any other field (`id`,
/// `email`, `roles`, `created_at`…) is rejected with `400`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityUpdateProfile", deny_unknown_fields)]
pub struct UpdateProfileRequest {
    /// Display name, at most 100 characters (an empty one clears it).
    pub display_name: MaybeUndefined<Text<rules::DisplayName>>,
    /// IANA time-zone name, e.g. `America/New_York`; it must exist in the time-zone
    /// database (a rule the schema cannot express).
    pub time_zone: MaybeUndefined<Text<rules::TimeZone>>,
    /// BCP 47 language tag, e.g. `en-GB`; every subtag must be in the IANA registry (a
    /// rule the schema cannot express).
    pub locale: MaybeUndefined<Text<rules::Locale>>,
    /// Agree to (`true`) or withdraw from (`false`) marketing messages.
    pub marketing_consent: Option<bool>,
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

mod admin;
pub use admin::{AdminUserDto, RoleSet, SetRolesRequest};
mod account_email;
pub mod rules;
pub use account_email::{
    ChangePasswordRequest, ConfirmEmailRequest, EmailAccepted, PasswordResetRequest,
    ResetPasswordRequest,
};
mod organizations;
pub use organizations::{
    CreateOrganizationRequest, CsvBody, EligibilityReportDto, JoinOrganizationRequest,
    JoinedViaDto, MembershipDto, OrganizationDto, OrganizationMemberDto, UpdateOrganizationRequest,
};
mod privacy;
pub use privacy::{DeleteAccountRequest, ErasureDto, ErasureStepDto, ExportDto, ExportStateDto};
mod mfa;
pub use mfa::{
    LoginMfaRequest, LoginResult, MfaChallengeResponse, MfaCodeRequest, MfaDisableRequest,
    MfaStatusDto, OneFactor, RecoveryCodesDto, TotpEnrollmentDto,
};
