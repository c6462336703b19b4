//! `POST /v1/billing/checkout` and `POST /v1/billing/me/portal`: the member's way to pay
//! on the web and to manage what they pay.

use haven_platform::ApiResult;
use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::{NoStore, Private};
use haven_platform::idempotency::IdempotencyKey;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{CheckoutRequest, CheckoutSessionDto, PortalSessionDto};
use super::error::{CheckoutErrors, PortalErrors};
use crate::BillingTag;
use crate::service::BillingService;

/// Answer of a checkout.
#[derive(ApiResponse)]
pub enum CheckoutAnswer {
    /// The session was created at Stripe.
    #[oai(status = 201)]
    Created(
        Json<CheckoutSessionDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a portal link.
#[derive(ApiResponse)]
pub enum PortalAnswer {
    /// A fresh one-time link.
    #[oai(status = 200)]
    Ok(
        Json<PortalSessionDto>,
        /// `no-store`: the link signs the member in at Stripe.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Checkout and the customer portal (money moves: the live account is checked first).
pub struct CheckoutApi {
    service: BillingService,
    guard: Guard,
}

impl CheckoutApi {
    /// Around the service and the role guard.
    pub fn new(service: BillingService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "BillingTag::Checkout")]
impl CheckoutApi {
    /// Start a checkout
    ///
    /// Creates a Stripe Checkout session for a price on sale; send the member to `url`.
    /// The subscription starts when Stripe reports the payment (webhook), not here. A
    /// price that cannot be bought on the web is `409 price_not_purchasable`; Stripe
    /// unreachable is `503 payment_provider_unavailable` with `Retry-After`.
    #[oai(
        path = "/v1/billing/checkout",
        method = "post",
        operation_id = "billingCheckout"
    )]
    async fn checkout(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        idempotency_key: IdempotencyKey,
        body: Json<CheckoutRequest>,
    ) -> ApiResult<CheckoutAnswer, CheckoutErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let key = idempotency_key.0.as_ref().map(|k| k.as_str().to_owned());
        let session = self
            .service
            .checkout(&auth.0.user_id, &body.0.price_id, key.as_deref())
            .await?;
        Ok(CheckoutAnswer::Created(
            Json(CheckoutSessionDto {
                session_id: session.id,
                url: session.url,
            }),
            Private,
        ))
    }

    /// Open the customer portal
    ///
    /// A one-time link to Stripe's customer portal, where the member cancels, changes
    /// their card or downloads invoices. `404 no_billing_account` if they never paid on
    /// the web.
    #[oai(
        path = "/v1/billing/me/portal",
        method = "post",
        operation_id = "billingPortal"
    )]
    async fn portal(&self, auth: BearerAuth) -> ApiResult<PortalAnswer, PortalErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let url = self.service.portal(&auth.0.user_id).await?;
        Ok(PortalAnswer::Ok(Json(PortalSessionDto { url }), NoStore))
    }
}
