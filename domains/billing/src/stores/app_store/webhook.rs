//! `POST /v1/billing/webhooks/app-store`: a plain route (Apple, not our SDK, calls it).
//! A refusal is a `400` problem and changes nothing; a notification seen before, of
//! another environment or of a type billing does not handle is answered `200`.

use poem::web::Data;
use poem::{Body, Response, handler};

use crate::service::BillingService;
use crate::stores::webhook::respond;

/// The webhook's path.
pub const PATH: &str = "/v1/billing/webhooks/app-store";

/// Receives one App Store notification.
#[handler]
pub async fn app_store_webhook(body: Body, service: Data<&BillingService>) -> Response {
    let bytes = match body.into_bytes().await {
        Ok(b) => b,
        Err(e) => return poem::error::ResponseError::as_response(&e),
    };
    respond("App Store", service.app_store_webhook(&bytes).await)
}
