//! `/v1/identity/.well-known/jwks.json`: the public keys that verify access tokens.

use haven_platform::{ApiError, ApiResult};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::JwkSet;
use crate::api::IdentityTag;
use crate::service::IdentityService;

/// Key operations.
pub struct KeysApi {
    service: IdentityService,
}

impl KeysApi {
    /// Around the service.
    pub fn new(service: IdentityService) -> Self {
        Self { service }
    }
}

/// The JWK set, cacheable for five minutes.
#[derive(ApiResponse)]
pub enum JwksResponse {
    /// The keys.
    #[oai(status = 200)]
    Ok(
        Json<JwkSet>,
        /// `public, max-age=300`.
        #[oai(header = "Cache-Control")]
        String,
    ),
}

#[OpenApi(tag = "IdentityTag::Keys")]
impl KeysApi {
    /// Public keys of access tokens
    ///
    /// The JWK set (RFC 7517) of every key that verifies access tokens; during a key
    /// rotation it lists the old key too. Public; cacheable for five minutes.
    #[oai(
        path = "/v1/identity/.well-known/jwks.json",
        method = "get",
        operation_id = "identityJwks"
    )]
    async fn jwks(&self) -> ApiResult<JwksResponse> {
        let set: JwkSet =
            serde_json::from_str(&self.service.jwks_json()).map_err(|e| ApiError::internal(&e))?;
        Ok(JwksResponse::Ok(
            Json(set),
            "public, max-age=300".to_owned(),
        ))
    }
}
