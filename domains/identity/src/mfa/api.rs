//! `/v1/identity/login/mfa` and `/v1/identity/me/mfa/…`: two-step verification (TOTP).
//!
//! Answers that carry secrets (the TOTP secret, recovery codes, tokens) are
//! `Cache-Control: no-store`, and these operations take no `Idempotency-Key`: a stored
//! replay would keep the secret in the idempotency table.

use haven_platform::ApiResult;
use haven_platform::auth::BearerAuth;
use haven_platform::http::cache::{NoStore, Private};
use haven_platform::http::client_ip::ClientIp;
use haven_platform::http::schema::Patched;
use haven_platform::ratelimit::RateLimiter;
use poem::http::StatusCode;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{
    LoginMfaRequest, MfaCodeRequest, MfaDisableRequest, MfaStatusDto, OneFactor, RecoveryCodesDto,
    TotpEnrollmentDto,
};
use super::error::{MfaChangeErrors, MfaStatusErrors, StartTotpErrors};
use super::model::MfaFactor;
use crate::api::IdentityTag;
use crate::limits;
use crate::service::IdentityService;
use crate::sessions::dto::TokenResponse;
use crate::sessions::error::LoginMfaErrors;

/// Two-step verification operations.
pub struct MfaApi {
    service: IdentityService,
    limiter: RateLimiter,
}

impl MfaApi {
    /// Around the service; `limiter` enforces the step-up limit.
    pub fn new(service: IdentityService, limiter: RateLimiter) -> Self {
        Self { service, limiter }
    }
}

/// Answer of a completed step-up.
#[derive(ApiResponse)]
pub enum SteppedUp {
    /// The new session's tokens (`amr` has `otp`, or `mfa` for a recovery code).
    #[oai(status = 200)]
    Ok(
        Json<TokenResponse>,
        /// `no-store`: the answer holds tokens, secrets or personal data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer of `GET /v1/identity/me/mfa`.
#[derive(ApiResponse)]
pub enum MfaStatusAnswer {
    /// The caller's two-step verification.
    #[oai(status = 200)]
    Ok(
        Json<MfaStatusDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer of a started enrollment.
#[derive(ApiResponse)]
pub enum EnrollmentStarted {
    /// The pending enrollment: add it to an authenticator app, then confirm a code.
    #[oai(status = 201)]
    Created(
        Json<TotpEnrollmentDto>,
        /// `no-store`: the answer holds tokens, secrets or personal data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer carrying new recovery codes.
#[derive(ApiResponse)]
pub enum RecoveryCodes {
    /// The codes, shown this once.
    #[oai(status = 200)]
    Ok(
        Json<RecoveryCodesDto>,
        /// `no-store`: the answer holds tokens, secrets or personal data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer of turning two-step verification off.
#[derive(ApiResponse)]
pub enum Disabled {
    /// It is off; logins ask for the password only.
    #[oai(status = 204)]
    NoContent,
}

/// Exactly one of a TOTP code and a recovery code, else `422`.
fn one_factor<S: haven_platform::http::problem::ErrorSet>(
    code: Option<String>,
    recovery_code: Option<String>,
) -> Result<MfaFactor, haven_platform::ApiError<S>> {
    match (code, recovery_code) {
        (Some(code), None) => Ok(MfaFactor::Totp(code)),
        (None, Some(recovery)) => Ok(MfaFactor::RecoveryCode(recovery)),
        (both, _) => {
            let reason = if both.is_some() {
                "Send either `code` or `recovery_code`, not both."
            } else {
                "Send `code` (from the authenticator app) or `recovery_code`."
            };
            Err(haven_platform::ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
            )
            .detail("The request has invalid fields.")
            .field("code", "exactly_one", reason))
        }
    }
}

#[OpenApi(tag = "IdentityTag::Mfa")]
impl MfaApi {
    /// Complete a sign-in with the second factor
    ///
    /// Exchanges the `mfa_token` of a `status: mfa_required` login and a 6-digit code
    /// (or a recovery code, each usable once) for the session's tokens. A wrong code is
    /// `401 invalid_mfa_code` and counts toward the account lock (10 failures in 15
    /// minutes; while locked the same body with `Retry-After`); a used, expired (5
    /// minutes) or exhausted (5 codes) token is `401 invalid_mfa_token`. A code is
    /// accepted once per 30-second step.
    #[oai(
        path = "/v1/identity/login/mfa",
        method = "post",
        operation_id = "identityLoginMfa"
    )]
    async fn login_mfa(
        &self,
        client: ClientIp,
        body: Json<Patched<LoginMfaRequest, OneFactor>>,
    ) -> ApiResult<SteppedUp, LoginMfaErrors> {
        let body = body.0.into_inner();
        limits::LOGIN_MFA_IP
            .enforce(&self.limiter, &client.key())
            .await?;
        let factor = one_factor(
            body.code.map(String::from),
            body.recovery_code.map(String::from),
        )?;
        let tokens = self
            .service
            .login_mfa(&body.mfa_token, factor, client.coarse())
            .await?;
        Ok(SteppedUp::Ok(Json(tokens.into()), NoStore))
    }

    /// The caller's two-step verification
    ///
    /// Whether it is on or pending, how many recovery codes are left, and whether the
    /// account's role requires it.
    #[oai(
        path = "/v1/identity/me/mfa",
        method = "get",
        operation_id = "identityGetMfa"
    )]
    async fn status(&self, auth: BearerAuth) -> ApiResult<MfaStatusAnswer, MfaStatusErrors> {
        let status = self.service.mfa_status(auth.0.user_id).await?;
        Ok(MfaStatusAnswer::Ok(Json(status.into()), Private))
    }

    /// Start a TOTP enrollment
    ///
    /// Creates a new secret for an authenticator app (SHA-1, 6 digits, 30 s) and returns
    /// it with an `otpauth://` URI for a QR code. It is pending until confirmed with a
    /// code; starting again replaces a pending one. `409 mfa_already_enabled` while two-step
    /// verification is on.
    #[oai(
        path = "/v1/identity/me/mfa/totp",
        method = "post",
        operation_id = "identityStartTotpEnrollment"
    )]
    async fn start(&self, auth: BearerAuth) -> ApiResult<EnrollmentStarted, StartTotpErrors> {
        let p = auth.0;
        let enrollment = self
            .service
            .start_totp_enrollment(p.user_id, p.session_id)
            .await?;
        Ok(EnrollmentStarted::Created(Json(enrollment.into()), NoStore))
    }

    /// Confirm the TOTP enrollment
    ///
    /// Turns two-step verification on with a current code from the app and returns ten
    /// recovery codes (shown once). This session counts as verified: its next refresh
    /// carries `otp` in `amr`. A wrong code is `403 invalid_mfa_code` (it counts toward
    /// the account lock); no pending enrollment is `409 mfa_not_pending`.
    #[oai(
        path = "/v1/identity/me/mfa/totp/confirm",
        method = "post",
        operation_id = "identityConfirmTotp"
    )]
    async fn confirm(
        &self,
        auth: BearerAuth,
        body: Json<MfaCodeRequest>,
    ) -> ApiResult<RecoveryCodes, MfaChangeErrors> {
        let p = auth.0;
        let codes = self
            .service
            .confirm_totp(p.user_id, p.session_id, &body.0.code)
            .await?;
        Ok(RecoveryCodes::Ok(
            Json(RecoveryCodesDto {
                recovery_codes: codes,
            }),
            NoStore,
        ))
    }

    /// Replace the recovery codes
    ///
    /// Returns ten new recovery codes (shown once); the old ones stop working. Takes a
    /// current code from the app (`403 invalid_mfa_code` if wrong); `409 mfa_not_enabled`
    /// when two-step verification is off.
    #[oai(
        path = "/v1/identity/me/mfa/recovery-codes",
        method = "post",
        operation_id = "identityRegenerateRecoveryCodes"
    )]
    async fn regenerate(
        &self,
        auth: BearerAuth,
        body: Json<MfaCodeRequest>,
    ) -> ApiResult<RecoveryCodes, MfaChangeErrors> {
        let p = auth.0;
        let codes = self
            .service
            .regenerate_recovery_codes(p.user_id, p.session_id, &body.0.code)
            .await?;
        Ok(RecoveryCodes::Ok(
            Json(RecoveryCodesDto {
                recovery_codes: codes,
            }),
            NoStore,
        ))
    }

    /// Turn two-step verification off
    ///
    /// Takes a current code from the app or an unused recovery code (`403
    /// invalid_mfa_code` if wrong). The secret and recovery codes are deleted; `409
    /// mfa_not_enabled` when it is off. Accounts whose role requires it are asked to
    /// enroll again at their next sign-in.
    #[oai(
        path = "/v1/identity/me/mfa/disable",
        method = "post",
        operation_id = "identityDisableMfa"
    )]
    async fn disable(
        &self,
        auth: BearerAuth,
        body: Json<Patched<MfaDisableRequest, OneFactor>>,
    ) -> ApiResult<Disabled, MfaChangeErrors> {
        let p = auth.0;
        let body = body.0.into_inner();
        let factor = one_factor(
            body.code.map(String::from),
            body.recovery_code.map(String::from),
        )?;
        self.service
            .disable_mfa(p.user_id, p.session_id, factor)
            .await?;
        Ok(Disabled::NoContent)
    }
}
