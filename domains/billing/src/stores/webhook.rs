//! The answer of a store webhook: `200` with what was done, or the refusal's problem.

use haven_platform::DomainError;
use poem::web::Json;
use poem::{IntoResponse, Response};
use serde_json::json;

use super::error::StoreWebhookError;
use super::service::label;
use crate::stripe::service::Delivery;

/// `200 {"received": true, "status": …}` or the problem of `result`'s error.
pub fn respond(store: &'static str, result: Result<Delivery, StoreWebhookError>) -> Response {
    match result {
        Ok(delivery) => Json(json!({"received": true, "status": label(delivery)})).into_response(),
        Err(e) => {
            tracing::info!(store, error = %e, "store notification refused");
            e.into_problem().to_response()
        }
    }
}
