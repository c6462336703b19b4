//! Wire types of two-step verification.

use haven_platform::http::schema::{SchemaPatch, exactly_one_of};
use haven_platform::http::text::Text;
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::Object;
use poem_openapi::registry::MetaSchema;

use super::model::{MfaStatus, TotpEnrollment};
use crate::rules;

/// Body of `POST /v1/identity/login/mfa`: the challenge and exactly one of `code` and
/// `recovery_code`. Unknown fields are rejected.
#[derive(Clone, Object)]
#[oai(rename = "IdentityLoginMfaRequest", deny_unknown_fields)]
pub struct LoginMfaRequest {
    /// The `mfa_token` of the login answer.
    #[oai(validator(max_length = 256))]
    pub mfa_token: String,
    /// The 6-digit code of the authenticator app.
    pub code: Option<Text<rules::TotpCode>>,
    /// One of the recovery codes (each works once), e.g. `7k2q-m9xd-4f0a-pe3n`.
    pub recovery_code: Option<Text<rules::RecoveryCode>>,
}

/// The rule of the bodies with a second factor: exactly one of `code` and
/// `recovery_code`, not `null`.
pub struct OneFactor;

impl SchemaPatch for OneFactor {
    fn patch(schema: &mut MetaSchema) {
        exactly_one_of(schema, &["code", "recovery_code"]);
    }
}

/// Body of confirming an enrollment or regenerating recovery codes.
#[derive(Clone, Object)]
#[oai(rename = "IdentityMfaCodeRequest", deny_unknown_fields)]
pub struct MfaCodeRequest {
    /// The current 6-digit code of the authenticator app.
    pub code: Text<rules::TotpCode>,
}

/// Body of `POST /v1/identity/me/mfa/disable`: exactly one of `code` and
/// `recovery_code`.
#[derive(Clone, Object)]
#[oai(rename = "IdentityMfaDisableRequest", deny_unknown_fields)]
pub struct MfaDisableRequest {
    /// The current 6-digit code of the authenticator app.
    pub code: Option<Text<rules::TotpCode>>,
    /// An unused recovery code (when the app is lost).
    pub recovery_code: Option<Text<rules::RecoveryCode>>,
}

/// A started TOTP enrollment. Shown once; not stored in the clear anywhere.
#[derive(Clone, Object)]
#[oai(rename = "IdentityTotpEnrollment")]
pub struct TotpEnrollmentDto {
    /// The secret, base32 without padding, for typing into an authenticator app.
    pub secret: String,
    /// `otpauth://totp/Haven:<email>?secret=…&issuer=Haven` (SHA-1, 6 digits, 30 s), to
    /// show as a QR code.
    pub otpauth_uri: String,
}

impl From<TotpEnrollment> for TotpEnrollmentDto {
    fn from(e: TotpEnrollment) -> Self {
        Self {
            secret: e.secret,
            otpauth_uri: e.otpauth_uri,
        }
    }
}

/// New recovery codes. Shown once: each works once in place of a code, and only their
/// hashes are kept.
#[derive(Clone, Object)]
#[oai(rename = "IdentityRecoveryCodes")]
pub struct RecoveryCodesDto {
    /// Ten codes of 80 random bits (`xxxx-xxxx-xxxx-xxxx`; case and separators are
    /// ignored when one is used).
    pub recovery_codes: Vec<String>,
}

/// The caller's two-step verification.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityMfaStatus")]
pub struct MfaStatusDto {
    /// A TOTP factor is on: logins ask for a code.
    pub enabled: bool,
    /// An enrollment waits for its confirming code.
    pub pending: bool,
    /// When it was turned on.
    pub enabled_at: Option<Timestamp>,
    /// Unused recovery codes.
    pub recovery_codes_left: u32,
    /// The account's role (`clinician`, `admin`) requires it.
    pub required: bool,
}

impl From<MfaStatus> for MfaStatusDto {
    fn from(s: MfaStatus) -> Self {
        Self {
            enabled: s.enabled,
            pending: s.pending,
            enabled_at: s.enabled_at.map(Into::into),
            recovery_codes_left: s.recovery_codes_left,
            required: s.required,
        }
    }
}
