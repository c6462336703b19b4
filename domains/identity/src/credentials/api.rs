//! `/v1/identity/me/email-verification` and `/v1/identity/email-verification/confirm`
//! (proving the member owns their address), `/v1/identity/password-reset`,
//! `/v1/identity/password-reset/confirm` and `/v1/identity/me/password` (the password).

use haven_platform::ApiResult;
use haven_platform::auth::BearerAuth;
use haven_platform::http::client_ip::ClientIp;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::ratelimit::RateLimiter;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{
    ChangePasswordRequest, ConfirmEmailRequest, EmailAccepted, PasswordResetRequest,
    ResetPasswordRequest,
};
use super::error::{
    ChangePasswordErrors, ConfirmEmailErrors, RequestEmailVerificationErrors,
    RequestPasswordResetErrors, ResetPasswordErrors,
};
use super::model::EmailTokenPurpose;
use crate::accounts::model::Email;
use crate::api::IdentityTag;
use crate::limits;
use crate::service::IdentityService;

/// Email-verification operations.
pub struct EmailVerificationApi {
    service: IdentityService,
    limiter: RateLimiter,
}

impl EmailVerificationApi {
    /// Around the service; `limiter` enforces the verification limits.
    pub fn new(service: IdentityService, limiter: RateLimiter) -> Self {
        Self { service, limiter }
    }
}

/// Answer of a request for a verification email.
#[derive(ApiResponse)]
pub enum VerificationRequested {
    /// The email is queued; its link works for 24 hours.
    #[oai(status = 202)]
    Accepted(Json<EmailAccepted>),
}

/// Answer of a verification.
#[derive(ApiResponse)]
pub enum EmailConfirmed {
    /// The address is verified.
    #[oai(status = 204)]
    NoContent,
}

#[OpenApi(tag = "IdentityTag::Credentials")]
impl EmailVerificationApi {
    /// Send a verification email
    ///
    /// Emails the caller a new link that verifies their address (registration sends
    /// the first one). `409 email_already_verified` when there is nothing to verify;
    /// limited per account and per client IP (`429 rate_limited`).
    #[oai(
        path = "/v1/identity/me/email-verification",
        method = "post",
        operation_id = "identityRequestEmailVerification"
    )]
    async fn request(
        &self,
        auth: BearerAuth,
        client: ClientIp,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
    ) -> ApiResult<VerificationRequested, RequestEmailVerificationErrors> {
        let me = auth.0;
        limits::VERIFY_REQUEST_IP
            .enforce(&self.limiter, &client.key())
            .await?;
        limits::VERIFY_REQUEST_USER
            .enforce(&self.limiter, &me.user_id.to_string())
            .await?;
        self.service.request_email_verification(me.user_id).await?;
        Ok(VerificationRequested::Accepted(Json(EmailAccepted {
            message: "A verification link is on its way to your email address.".to_owned(),
        })))
    }

    /// Verify the email address
    ///
    /// Marks the account's address verified with the token from the verification
    /// email's link. The token works once, for 24 hours, and only while the account
    /// still has the address it was sent to; otherwise `422 email_token_invalid`.
    /// Attempts are limited per client IP and per account (`429 rate_limited`).
    #[oai(
        path = "/v1/identity/email-verification/confirm",
        method = "post",
        operation_id = "identityConfirmEmail"
    )]
    async fn confirm(
        &self,
        client: ClientIp,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<ConfirmEmailRequest>,
    ) -> ApiResult<EmailConfirmed, ConfirmEmailErrors> {
        let token = body.0.token;
        limits::VERIFY_CONFIRM_IP
            .enforce(&self.limiter, &client.key())
            .await?;
        if let Some(owner) = self
            .service
            .email_token_owner(EmailTokenPurpose::VerifyEmail, &token)
            .await?
        {
            limits::VERIFY_CONFIRM_USER
                .enforce(&self.limiter, &owner.to_string())
                .await?;
        }
        self.service.confirm_email(&token).await?;
        Ok(EmailConfirmed::NoContent)
    }
}

/// Password operations.
pub struct PasswordsApi {
    service: IdentityService,
    limiter: RateLimiter,
}

impl PasswordsApi {
    /// Around the service; `limiter` enforces the reset and change limits.
    pub fn new(service: IdentityService, limiter: RateLimiter) -> Self {
        Self { service, limiter }
    }
}

/// Answer of a password-reset request, the same whether or not the address is
/// registered.
#[derive(ApiResponse)]
pub enum ResetRequested {
    /// Accepted; an email follows if the address belongs to an account.
    #[oai(status = 202)]
    Accepted(Json<EmailAccepted>),
}

/// Answer of a password reset or change.
#[derive(ApiResponse)]
pub enum PasswordSet {
    /// The new password is in effect.
    #[oai(status = 204)]
    NoContent,
}

#[OpenApi(tag = "IdentityTag::Credentials")]
impl PasswordsApi {
    /// Request a password-reset email
    ///
    /// Emails a link that sets a new password (valid for 1 hour) if the address belongs
    /// to an account. Always `202` with the same body, so it never reveals whether an
    /// address is registered. Limited per address and per client IP
    /// (`429 rate_limited`); a malformed address is `422 validation_failed`.
    #[oai(
        path = "/v1/identity/password-reset",
        method = "post",
        operation_id = "identityRequestPasswordReset"
    )]
    async fn request_reset(
        &self,
        client: ClientIp,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<PasswordResetRequest>,
    ) -> ApiResult<ResetRequested, RequestPasswordResetErrors> {
        let email = body.0.email;
        limits::RESET_REQUEST_IP
            .enforce(&self.limiter, &client.key())
            .await?;
        let key = Email::parse(&email).map_or_else(
            |_| email.trim().to_lowercase(),
            |e| e.normalized().to_owned(),
        );
        limits::RESET_REQUEST_EMAIL
            .enforce(&self.limiter, &key)
            .await?;
        self.service.request_password_reset(&email).await?;
        Ok(ResetRequested::Accepted(Json(EmailAccepted {
            message: "If an account uses this address, a link to reset its password is on \
                      its way."
                .to_owned(),
        })))
    }

    /// Reset the password
    ///
    /// Sets a new password with the token from the reset email's link (once, within
    /// 1 hour; otherwise `422 email_token_invalid`). Signs every session of the account
    /// out, ends a login lock, and marks the address verified. The new password follows
    /// the registration rules (`422 validation_failed` on `new_password`). Attempts are
    /// limited per client IP and per account (`429 rate_limited`).
    #[oai(
        path = "/v1/identity/password-reset/confirm",
        method = "post",
        operation_id = "identityResetPassword"
    )]
    async fn reset(
        &self,
        client: ClientIp,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<ResetPasswordRequest>,
    ) -> ApiResult<PasswordSet, ResetPasswordErrors> {
        let body = body.0;
        limits::RESET_CONFIRM_IP
            .enforce(&self.limiter, &client.key())
            .await?;
        if let Some(owner) = self
            .service
            .email_token_owner(EmailTokenPurpose::ResetPassword, &body.token)
            .await?
        {
            limits::RESET_CONFIRM_USER
                .enforce(&self.limiter, &owner.to_string())
                .await?;
        }
        self.service
            .reset_password(&body.token, &body.new_password)
            .await?;
        Ok(PasswordSet::NoContent)
    }

    /// Change the password
    ///
    /// Replaces the caller's password after checking the current one (a wrong one is
    /// `422 validation_failed` on `current_password`; the new one follows the
    /// registration rules). Every other session of the account is signed out; this one
    /// stays. Limited per account (`429 rate_limited`).
    #[oai(
        path = "/v1/identity/me/password",
        method = "put",
        operation_id = "identityChangePassword"
    )]
    async fn change(
        &self,
        auth: BearerAuth,
        body: Json<ChangePasswordRequest>,
    ) -> ApiResult<PasswordSet, ChangePasswordErrors> {
        let me = auth.0;
        let body = body.0;
        limits::CHANGE_PASSWORD_USER
            .enforce(&self.limiter, &me.user_id.to_string())
            .await?;
        self.service
            .change_password(
                me.user_id,
                me.session_id,
                &body.current_password,
                &body.new_password,
            )
            .await?;
        Ok(PasswordSet::NoContent)
    }
}
