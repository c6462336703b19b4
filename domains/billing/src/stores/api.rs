//! `GET /v1/billing/me/store-account`: the token the app sets on store purchases.

use haven_platform::ApiResult;
use haven_platform::auth::BearerAuth;
use haven_platform::http::cache::Private;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::StoreAccountDto;
use super::error::StoreAccountErrors;
use crate::BillingTag;
use crate::service::BillingService;

/// Answer with the member's store account.
#[derive(ApiResponse)]
pub enum StoreAccountAnswer {
    /// The member's token.
    #[oai(status = 200)]
    Ok(
        Json<StoreAccountDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// The member's store account.
pub struct StoreAccountApi {
    service: BillingService,
}

impl StoreAccountApi {
    /// Around the service.
    pub fn new(service: BillingService) -> Self {
        Self { service }
    }
}

#[OpenApi(tag = "BillingTag::Stores")]
impl StoreAccountApi {
    /// Get my store account token
    ///
    /// The UUID the app must set on App Store (`appAccountToken`) and Google Play
    /// (`obfuscatedExternalAccountId`) purchases, so the store's notifications reach this
    /// member. Created on the first call; the same on every later call.
    #[oai(
        path = "/v1/billing/me/store-account",
        method = "get",
        operation_id = "billingMyStoreAccount"
    )]
    async fn my_store_account(
        &self,
        auth: BearerAuth,
    ) -> ApiResult<StoreAccountAnswer, StoreAccountErrors> {
        let token = self.service.store_account_token(&auth.0.user_id).await?;
        let account_token = token
            .parse()
            .map_err(|e| haven_platform::Unexpected::new("stored account token", e))?;
        Ok(StoreAccountAnswer::Ok(
            Json(StoreAccountDto { account_token }),
            Private,
        ))
    }
}
