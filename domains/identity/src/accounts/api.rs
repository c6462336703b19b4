//! `/v1/identity/register` and `/v1/identity/me`: the account resource.

use haven_platform::ApiResult;
use haven_platform::auth::BearerAuth;
use haven_platform::http::cache::Private;
use haven_platform::idempotency::IdempotencyKey;
use poem_openapi::payload::Json;
use poem_openapi::types::MaybeUndefined;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{RegisterRequest, UpdateProfileRequest, UserDto};
use super::error::{MeErrors, RegisterErrors, UpdateProfileErrors};
use super::model::{ProfilePatch, RegisterInput};
use crate::api::IdentityTag;
use crate::service::IdentityService;

/// Account operations.
pub struct AccountsApi {
    service: IdentityService,
}

impl AccountsApi {
    /// Around the service.
    pub fn new(service: IdentityService) -> Self {
        Self { service }
    }
}

/// Answer of a registration.
#[derive(ApiResponse)]
pub enum Registered {
    /// The account was created.
    #[oai(status = 201)]
    Created(Json<UserDto>),
}

/// Answer of `GET /v1/identity/me`.
#[derive(ApiResponse)]
pub enum Me {
    /// The caller's account.
    #[oai(status = 200)]
    Ok(
        Json<UserDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

#[OpenApi(tag = "IdentityTag::Accounts")]
impl AccountsApi {
    /// Register an account
    ///
    /// Creates an account with the `member` role. The email is compared
    /// case-insensitively; a second account with the same address is `409 email_taken`.
    /// Invalid fields are `422 validation_failed` with one entry per field.
    #[oai(
        path = "/v1/identity/register",
        method = "post",
        operation_id = "identityRegister"
    )]
    async fn register(
        &self,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<RegisterRequest>,
    ) -> ApiResult<Registered, RegisterErrors> {
        let body = body.0;
        let user = self
            .service
            .register(RegisterInput {
                email: body.email.into(),
                password: body.password.into(),
                display_name: body.display_name.map(String::from),
            })
            .await?;
        Ok(Registered::Created(Json(user.into())))
    }

    /// The caller's account
    ///
    /// The account the access token was issued to.
    #[oai(
        path = "/v1/identity/me",
        method = "get",
        operation_id = "identityGetMe"
    )]
    async fn me(&self, auth: BearerAuth) -> ApiResult<Me, MeErrors> {
        let user = self.service.me(auth.0.user_id).await?;
        Ok(Me::Ok(Json(user.into()), Private))
    }

    /// Update the caller's profile
    ///
    /// Changes the display name, time zone (IANA), locale (BCP 47) or marketing consent;
    /// absent fields are left as they are and `null` clears a text field. Read-only
    /// fields (`id`, `email`, `roles`, `created_at`) and unknown fields are
    /// `400 bad_request`; invalid values are `422 validation_failed`.
    #[oai(
        path = "/v1/identity/me",
        method = "patch",
        operation_id = "identityUpdateMe"
    )]
    async fn update_me(
        &self,
        auth: BearerAuth,
        body: Json<UpdateProfileRequest>,
    ) -> ApiResult<Me, UpdateProfileErrors> {
        let body = body.0;
        let patch = ProfilePatch {
            display_name: patch_field(body.display_name),
            time_zone: patch_field(body.time_zone),
            locale: patch_field(body.locale),
            marketing_consent: body.marketing_consent,
        };
        let user = self.service.update_profile(auth.0.user_id, patch).await?;
        Ok(Me::Ok(Json(user.into()), Private))
    }
}

/// Absent: leave (`None`); `null`: clear (`Some(None)`); a value: set.
fn patch_field<T: Into<String>>(field: MaybeUndefined<T>) -> Option<Option<String>> {
    match field {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v.into())),
    }
}
