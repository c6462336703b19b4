//! `/v1/identity/login`: the session resource.

use haven_platform::ApiResult;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::IdentityTag;
use crate::dto::{LoginRequest, TokenResponse};
use crate::error::LoginErrors;
use crate::service::IdentityService;

/// Session operations.
pub struct SessionsApi {
    service: IdentityService,
}

impl SessionsApi {
    /// Around the service.
    pub fn new(service: IdentityService) -> Self {
        Self { service }
    }
}

/// Answer of a successful login.
#[derive(ApiResponse)]
pub enum LoggedIn {
    /// Signed in: the new session's tokens.
    #[oai(status = 200)]
    Ok(Json<TokenResponse>),
}

#[OpenApi(tag = "IdentityTag::Identity")]
impl SessionsApi {
    /// Sign in
    ///
    /// Checks the email and password and opens a session: a short-lived access token and
    /// a refresh token. An unknown email and a wrong password give the same
    /// `401 invalid_credentials`.
    #[oai(
        path = "/v1/identity/login",
        method = "post",
        operation_id = "identityLogin"
    )]
    async fn login(&self, body: Json<LoginRequest>) -> ApiResult<LoggedIn, LoginErrors> {
        let body = body.0;
        let tokens = self
            .service
            .login(&body.email, &body.password, body.device_label)
            .await?;
        Ok(LoggedIn::Ok(Json(tokens.into())))
    }
}
