//! Wire types of checkout and the portal.

use poem_openapi::Object;

use crate::catalog::model::PriceId;

/// Body of `POST /v1/billing/checkout`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingCheckoutRequest", deny_unknown_fields)]
pub struct CheckoutRequest {
    /// The price to subscribe to (one of `GET /v1/billing/plans`, `purchasable`).
    pub price_id: PriceId,
}

/// A started checkout.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingCheckoutSession")]
pub struct CheckoutSessionDto {
    /// Stripe's checkout session id.
    pub session_id: String,
    /// Where to send the member to pay.
    pub url: String,
}

/// A link to the customer portal.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingPortalSession")]
pub struct PortalSessionDto {
    /// A one-time link to Stripe's customer portal (cancel, change card, invoices).
    pub url: String,
}
