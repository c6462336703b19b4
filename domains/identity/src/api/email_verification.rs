//! `/v1/identity/me/email-verification` and `/v1/identity/email-verification/confirm`:
//! proving the member owns their email address.

use haven_platform::ApiResult;
use haven_platform::auth::BearerAuth;
use haven_platform::http::client_ip::ClientIp;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::ratelimit::RateLimiter;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::IdentityTag;
use crate::dto::{ConfirmEmailRequest, EmailAccepted};
use crate::error::{ConfirmEmailErrors, RequestEmailVerificationErrors};
use crate::limits;
use crate::model::EmailTokenPurpose;
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
