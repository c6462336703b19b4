//! Single-use emailed tokens and what they are for.

use haven_platform::define_id;

define_id!(
    /// A single-use token mailed to a member (`emt_…`); never shown to clients.
    EmailTokenId,
    "emt"
);

/// What a mailed token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailTokenPurpose {
    /// Proves the member owns the address (`email_verified_at`).
    VerifyEmail,
    /// Lets the member set a new password without the old one.
    ResetPassword,
}

impl EmailTokenPurpose {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::ResetPassword => "reset_password",
        }
    }
}
