//! `POST /v1/billing/webhooks/stripe`: a plain route (Stripe, not our SDK, calls it).
//! Every refusal is a `400` problem and changes nothing; an event seen before or of a
//! type billing does not handle is answered `200`.

use haven_platform::DomainError;
use poem::http::StatusCode;
use poem::web::{Data, Json};
use poem::{Body, IntoResponse, Request, Response, handler};
use serde_json::json;

use super::service::Delivery;
use crate::service::BillingService;

/// The webhook's path.
pub const PATH: &str = "/v1/billing/webhooks/stripe";

/// Receives one Stripe event.
#[handler]
pub async fn stripe_webhook(req: &Request, body: Body, service: Data<&BillingService>) -> Response {
    let signature = req
        .headers()
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let bytes = match body.into_bytes().await {
        Ok(b) => b,
        Err(e) => return poem::error::ResponseError::as_response(&e),
    };
    match service.stripe_webhook(signature.as_deref(), &bytes).await {
        Ok(delivery) => {
            let status = match delivery {
                Delivery::Processed(o) => o.as_str(),
                Delivery::Duplicate => "duplicate",
                Delivery::Ignored => "ignored",
            };
            let mut resp = Json(json!({"received": true, "status": status})).into_response();
            resp.set_status(StatusCode::OK);
            resp
        }
        Err(e) => {
            tracing::info!(error = %e, "Stripe webhook refused");
            e.into_problem().to_response()
        }
    }
}
