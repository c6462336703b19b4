//! Wire types of email verification, password reset and password change.

use haven_platform::http::text::Text;
use poem_openapi::Object;

use crate::rules;

/// Body of `POST /v1/identity/email-verification/confirm`.
#[derive(Clone, Object)]
#[oai(rename = "IdentityConfirmEmail", deny_unknown_fields)]
pub struct ConfirmEmailRequest {
    /// The `token` query parameter of the link in the verification email.
    #[oai(validator(max_length = 256))]
    pub token: String,
}

/// Body of `POST /v1/identity/password-reset`.
#[derive(Clone, Object)]
#[oai(rename = "IdentityRequestPasswordReset", deny_unknown_fields)]
pub struct PasswordResetRequest {
    /// The account's email address.
    pub email: Text<rules::EmailAddress>,
}

/// Body of `POST /v1/identity/password-reset/confirm`.
#[derive(Clone, Object)]
#[oai(rename = "IdentityResetPassword", deny_unknown_fields)]
pub struct ResetPasswordRequest {
    /// The `token` query parameter of the link in the password-reset email.
    #[oai(validator(max_length = 256))]
    pub token: String,
    /// The new password: the registration rules (12 to 128 characters after NFKC
    /// normalization, not a common password).
    pub new_password: Text<rules::NewPassword>,
}

/// Body of `PUT /v1/identity/me/password`.
#[derive(Clone, Object)]
#[oai(rename = "IdentityChangePassword", deny_unknown_fields)]
pub struct ChangePasswordRequest {
    /// The password in use now.
    #[oai(validator(max_length = 1024))]
    pub current_password: String,
    /// The new password: the registration rules.
    pub new_password: Text<rules::NewPassword>,
}

/// Answer of a request that sends an email later (`202 Accepted`).
#[derive(Clone, Object)]
#[oai(rename = "IdentityEmailAccepted")]
pub struct EmailAccepted {
    /// What happens next, for display.
    pub message: String,
}
