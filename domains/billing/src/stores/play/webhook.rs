//! `POST /v1/billing/webhooks/play`: a plain route (Pub/Sub push, not our SDK, calls it).
//! A refusal is a `400` problem and changes nothing; `503` asks Pub/Sub to retry (the
//! Play Developer API is away); a message seen before or not about a subscription is
//! answered `200`.

use poem::web::Data;
use poem::{Body, Request, Response, handler};

use crate::service::BillingService;
use crate::stores::webhook::respond;

/// The webhook's path.
pub const PATH: &str = "/v1/billing/webhooks/play";

/// Receives one Pub/Sub push.
#[handler]
pub async fn play_webhook(req: &Request, body: Body, service: Data<&BillingService>) -> Response {
    let authorization = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let bytes = match body.into_bytes().await {
        Ok(b) => b,
        Err(e) => return poem::error::ResponseError::as_response(&e),
    };
    respond(
        "Google Play",
        service.play_webhook(authorization.as_deref(), &bytes).await,
    )
}
