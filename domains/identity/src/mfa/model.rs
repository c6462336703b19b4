//! Second-factor types: the factor presented, an enrollment, the member's status.

use chrono::{DateTime, Utc};
use haven_platform::define_id;

define_id!(
    /// A stored recovery code (`mrc_…`); never shown to clients.
    RecoveryCodeId,
    "mrc"
);

/// A second factor as presented.
#[derive(Clone)]
pub enum MfaFactor {
    /// A 6-digit TOTP code.
    Totp(String),
    /// A one-time recovery code.
    RecoveryCode(String),
}

impl std::fmt::Debug for MfaFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Totp(_) => "Totp(<redacted>)",
            Self::RecoveryCode(_) => "RecoveryCode(<redacted>)",
        })
    }
}

/// A started TOTP enrollment: what the authenticator app needs.
#[derive(Clone)]
pub struct TotpEnrollment {
    /// The secret, base32 without padding (for manual entry).
    pub secret: String,
    /// `otpauth://totp/Haven:<email>?secret=…&issuer=Haven` (for a QR code).
    pub otpauth_uri: String,
}

/// The account's second-factor state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MfaStatus {
    /// A TOTP factor is confirmed and on.
    pub enabled: bool,
    /// An enrollment waits for its confirming code.
    pub pending: bool,
    /// When the factor was turned on.
    pub enabled_at: Option<DateTime<Utc>>,
    /// Unused recovery codes.
    pub recovery_codes_left: u32,
    /// The account's role requires a second factor.
    pub required: bool,
}
