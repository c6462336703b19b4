//! `/v1/identity/me/delete` and `/v1/identity/me/erasure`: erasure of the caller's
//! account across every module.

use haven_platform::ApiResult;
use haven_platform::auth::BearerAuth;
use haven_platform::http::cache::Private;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::ratelimit::RateLimiter;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{DeleteAccountRequest, ErasureDto};
use super::error::{ErasureStatusErrors, RequestErasureErrors};
use crate::api::IdentityTag;
use crate::limits;
use crate::service::IdentityService;

/// Erasure operations.
pub struct ErasureApi {
    service: IdentityService,
    limiter: RateLimiter,
}

impl ErasureApi {
    /// Around the service; `limiter` bounds the password checks.
    pub fn new(service: IdentityService, limiter: RateLimiter) -> Self {
        Self { service, limiter }
    }
}

/// Answer of an erasure request.
#[derive(ApiResponse)]
pub enum ErasureAccepted {
    /// The account is signed out everywhere and can no longer log in; every module is
    /// erasing the caller's data.
    #[oai(status = 202)]
    Accepted(Json<ErasureDto>),
}

/// Answer of an erasure's status.
#[derive(ApiResponse)]
pub enum ErasureFound {
    /// The erasure and its steps.
    #[oai(status = 200)]
    Ok(
        Json<ErasureDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

#[OpenApi(tag = "IdentityTag::Privacy")]
impl ErasureApi {
    /// Delete my account
    ///
    /// Erases the caller's account and data in every module, after checking the current
    /// `password` (a wrong one is `403 reauthentication_failed` and changes nothing; 5
    /// checks per 15 minutes, then `429`). At once: every session is revoked, login
    /// becomes impossible, the email address is free to register again, and `user.erased`
    /// is published. Then each module erases its data, retried until it succeeds; the
    /// identity record is kept pseudonymized (no email, name or profile) with its
    /// security events. Access tokens already issued stay valid until they expire (at
    /// most 15 minutes).
    #[oai(
        path = "/v1/identity/me/delete",
        method = "post",
        operation_id = "identityDeleteAccount"
    )]
    async fn delete(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<DeleteAccountRequest>,
    ) -> ApiResult<ErasureAccepted, RequestErasureErrors> {
        let p = auth.0;
        limits::REAUTH
            .enforce(&self.limiter, &p.user_id.to_string())
            .await?;
        let erasure = self
            .service
            .request_erasure(&p.user_id, &p.session_id, &body.0.password)
            .await?;
        Ok(ErasureAccepted::Accepted(Json(erasure.into())))
    }

    /// My account's erasure
    ///
    /// Progress of the caller's erasure, one step per module; `complete` once every
    /// module has finished. Usable with an access token issued before the erasure, until
    /// it expires. `404` if no erasure was requested.
    #[oai(
        path = "/v1/identity/me/erasure",
        method = "get",
        operation_id = "identityGetErasure"
    )]
    async fn status(&self, auth: BearerAuth) -> ApiResult<ErasureFound, ErasureStatusErrors> {
        let erasure = self.service.erasure_status(&auth.0.user_id).await?;
        Ok(ErasureFound::Ok(Json(erasure.into()), Private))
    }
}
