//! The kinds of security events.

use haven_platform::define_id;

define_id!(
    /// A security event (`sev_…`).
    SecurityEventId,
    "sev"
);

/// A security-relevant event, recorded in `identity_security_events` and the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecurityEventKind {
    /// A successful login.
    LoginSucceeded,
    /// A failed login (unknown email or wrong password).
    LoginFailed,
    /// A used refresh token was presented after the grace window; the session is revoked.
    RefreshTokenReused,
    /// A session was signed out (logout or revocation).
    SessionRevoked,
    /// Too many consecutive failed logins: the account is soft-locked for a while.
    AccountLocked,
    /// A login refused, without checking the password, because the account is locked
    /// (not a failure: it does not extend the lock).
    LoginLocked,
    /// The member changed their password (other sessions are revoked).
    PasswordChanged,
    /// A password was reset with an emailed token (other sessions are revoked, the lock
    /// is lifted).
    PasswordReset,
    /// A password-reset email was requested for an existing account.
    PasswordResetRequested,
    /// The member proved they own their email address.
    EmailVerified,
    /// An admin changed the account's roles (`actor_id` is the admin).
    RoleChanged,
    /// An admin disabled the account (all sessions are revoked).
    AccountDisabled,
    /// An admin re-enabled the account.
    AccountEnabled,
    /// A second factor (TOTP) was confirmed and turned on.
    MfaEnabled,
    /// The second factor was turned off.
    MfaDisabled,
    /// A one-time recovery code was used in place of a TOTP code.
    MfaRecoveryCodeUsed,
    /// A second-factor code was wrong.
    MfaFailed,
    /// The member asked for an export of their data.
    ExportRequested,
    /// The member downloaded their export.
    ExportDownloaded,
    /// The member asked for their account to be erased.
    ErasureRequested,
    /// Every module erased the member's data.
    ErasureCompleted,
    /// An admin created an organization (`actor_id` is the admin).
    OrganizationCreated,
    /// An admin changed an organization's name or allowed domains.
    OrganizationUpdated,
    /// An admin replaced an organization's eligibility list.
    EligibilityListReplaced,
    /// The member joined an organization.
    OrganizationJoined,
    /// The member left an organization.
    OrganizationLeft,
    /// The member's membership was ended by an admin: removal, or a new eligibility
    /// list or domain set that no longer covers them (`detail` says which).
    OrganizationMemberRemoved,
    /// The member started enrolling a TOTP factor (pending until confirmed).
    MfaEnrollmentStarted,
    /// The member replaced their recovery codes (the old ones stop working).
    MfaRecoveryCodesRegenerated,
}

impl SecurityEventKind {
    /// The stored name, also the metric label.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::LoginSucceeded => "login_succeeded",
            Self::LoginFailed => "login_failed",
            Self::RefreshTokenReused => "refresh_token_reused",
            Self::SessionRevoked => "session_revoked",
            Self::AccountLocked => "account_locked",
            Self::LoginLocked => "login_locked",
            Self::PasswordChanged => "password_changed",
            Self::PasswordReset => "password_reset",
            Self::PasswordResetRequested => "password_reset_requested",
            Self::EmailVerified => "email_verified",
            Self::RoleChanged => "role_changed",
            Self::AccountDisabled => "account_disabled",
            Self::AccountEnabled => "account_enabled",
            Self::MfaEnabled => "mfa_enabled",
            Self::MfaDisabled => "mfa_disabled",
            Self::MfaRecoveryCodeUsed => "mfa_recovery_code_used",
            Self::MfaFailed => "mfa_failed",
            Self::ExportRequested => "export_requested",
            Self::ExportDownloaded => "export_downloaded",
            Self::ErasureRequested => "erasure_requested",
            Self::ErasureCompleted => "erasure_completed",
            Self::OrganizationCreated => "organization_created",
            Self::OrganizationUpdated => "organization_updated",
            Self::EligibilityListReplaced => "eligibility_list_replaced",
            Self::OrganizationJoined => "organization_joined",
            Self::OrganizationLeft => "organization_left",
            Self::OrganizationMemberRemoved => "organization_member_removed",
            Self::MfaEnrollmentStarted => "mfa_enrollment_started",
            Self::MfaRecoveryCodesRegenerated => "mfa_recovery_codes_regenerated",
        }
    }
}
