//! Sessions, issued tokens and the outcome of a login.

use std::time::Duration;

use chrono::{DateTime, Utc};
use haven_platform::define_id;
use haven_platform::ids::SessionId;

define_id!(
    /// A stored refresh token (`rft_…`); never shown to clients.
    RefreshTokenId,
    "rft"
);

/// A login session (one refresh-token family).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The id.
    pub id: SessionId,
    /// What the client called its device.
    pub device_label: Option<String>,
    /// The network of the last login or refresh (IPv4 /24, IPv6 /48), if known.
    pub ip_coarse: Option<String>,
    /// When the session was opened.
    pub created_at: DateTime<Utc>,
    /// Last login or refresh.
    pub last_used_at: DateTime<Utc>,
}

/// What a successful login yields.
#[derive(Debug, Clone)]
pub struct LoginTokens {
    /// The signed access token.
    pub access_token: String,
    /// The opaque refresh token (only its hash is stored).
    pub refresh_token: String,
    /// Seconds until the access token expires.
    pub expires_in: u32,
    /// The new session.
    pub session_id: SessionId,
    /// The account's role requires a second factor and none is enrolled yet.
    pub mfa_enrollment_required: bool,
}

define_id!(
    /// A login waiting for its second factor (`mch_…`); never shown to clients.
    MfaChallengeId,
    "mch"
);

/// What a login with the right password yields.
#[derive(Debug, Clone)]
pub enum LoginOutcome {
    /// A session: no second factor is enabled.
    Tokens(LoginTokens),
    /// The second factor must be presented with this challenge first.
    MfaRequired(MfaChallenge),
}

/// A pending second-factor step of a login.
#[derive(Debug, Clone)]
pub struct MfaChallenge {
    /// The opaque challenge token (only its hash is stored).
    pub token: String,
    /// Seconds until it expires.
    pub expires_in: u32,
}

/// Lifetime of access tokens.
pub const ACCESS_TOKEN_TTL: Duration = Duration::from_secs(15 * 60);

/// Longest device label, in characters (longer labels are cut).
pub const DEVICE_LABEL_MAX_CHARS: usize = 100;
