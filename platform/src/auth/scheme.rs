//! The `bearer` security scheme of the OpenAPI document and its checker.

use poem::Request;
use poem::http::{HeaderValue, StatusCode, header};
use poem_openapi::SecurityScheme;
use poem_openapi::auth::Bearer;

use super::{Auth, Principal};
use crate::http::problem::ProblemError;

/// The error set of an operation that only fails by authentication: `401 unauthorized`
/// (no valid access token), which the document adds to every secured operation, so this
/// is [`CommonErrors`](crate::http::problem::CommonErrors).
pub type AuthErrors = crate::http::problem::CommonErrors;

/// A verified access token, as an operation parameter:
///
/// ```ignore
/// async fn get_me(&self, auth: BearerAuth) -> ApiResult<Json<Me>, AuthErrors> {
///     let principal = auth.0;
/// ```
///
/// Reads `Authorization: Bearer <token>` only (never the query string). A missing,
/// invalid or expired token is answered `401 unauthorized` with `WWW-Authenticate`.
#[derive(SecurityScheme)]
#[oai(
    rename = "bearer",
    ty = "bearer",
    bearer_format = "JWT",
    checker = "check_bearer"
)]
/// A short-lived access token (EdDSA JWT) in `Authorization: Bearer <token>`.
pub struct BearerAuth(pub Principal);

async fn check_bearer(req: &Request, bearer: Bearer) -> poem::Result<Principal> {
    let Some(auth) = req.data::<Auth>() else {
        // The app always adds it; without it nothing can be verified.
        tracing::error!("no Auth in the request data; is the app built by http::app::build?");
        return Err(crate::http::app::panicked().into());
    };
    match auth.verify(&bearer.token) {
        Ok(principal) => {
            tracing::debug!(user_id = %principal.user_id, "authenticated");
            Ok(principal)
        }
        Err(reason) => {
            // The reason only, never the token or its claims.
            tracing::info!(%reason, "access token rejected");
            Err(unauthorized(true).into())
        }
    }
}

/// The `401 unauthorized` problem. `token_presented` adds `error="invalid_token"` to
/// `WWW-Authenticate` (RFC 6750 §3); the body never says which check failed.
pub fn unauthorized(token_presented: bool) -> ProblemError {
    let (challenge, detail) = if token_presented {
        (
            r#"Bearer realm="haven", error="invalid_token""#,
            "The access token is invalid or expired.",
        )
    } else {
        (
            r#"Bearer realm="haven""#,
            "An access token is required: send `Authorization: Bearer <token>`.",
        )
    };
    ProblemError::new(StatusCode::UNAUTHORIZED, "unauthorized")
        .with_detail(detail)
        .with_header(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static(challenge),
        )
}
