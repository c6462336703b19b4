//! RFC 9457 problem details: the one error shape of the API.
//!
//! Handlers return [`ApiResult<T, S>`]; the marker `S` (made with [`error_set!`]) names
//! the error types whose problems the operation documents in the OpenAPI document, on top
//! of the ones every operation can return ([`COMMON_CODES`]): each documented status
//! carries the `code`s it can answer (see [`crate::http::contract`]).

use std::marker::PhantomData;

use poem::http::{HeaderValue, StatusCode, header};
use poem::{IntoResponse, Response};
use poem_openapi::registry::{
    MetaHeader, MetaMediaType, MetaResponse, MetaResponses, MetaSchema, MetaSchemaRef, Registry,
};
use poem_openapi::types::Type;
use poem_openapi::{ApiResponse, Object};

use crate::db::DbError;
pub use crate::http::error_set::{
    COMMON_CODES, Code, CommonErrors, ErrorSet, GUARDED_403, Guarded, NOT_FOUND, UNAUTHORIZED,
    VALIDATION_FAILED,
};
use crate::http::request_id;

/// Media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem details body.
#[derive(Debug, Clone, Object, serde::Serialize, serde::Deserialize, PartialEq)]
#[oai(rename = "Problem")]
pub struct Problem {
    /// A URI identifying the problem type.
    #[oai(rename = "type")]
    #[serde(rename = "type")]
    pub type_url: String,
    /// Short human-readable summary of the problem type.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// Explanation specific to this occurrence; `null` when the title says it all.
    #[serde(default)]
    pub detail: Option<String>,
    /// Stable machine-readable error code, documented per endpoint.
    pub code: String,
    /// The request id (also in `X-Request-Id`), for support; `null` only outside a
    /// request.
    #[serde(default)]
    pub request_id: Option<String>,
    /// Field-level problems, for validation failures.
    #[serde(default)]
    pub errors: Vec<FieldError>,
}

/// One invalid field of a request.
#[derive(Debug, Clone, Object, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct FieldError {
    /// The field's name (JSON path for nested fields).
    pub field: String,
    /// Stable machine-readable reason, e.g. `too_short`.
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
}

/// Result of an operation whose errors are problem details.
pub type ApiResult<T, S = CommonErrors> = Result<T, ApiError<S>>;

/// An error answered as `application/problem+json`.
pub struct ApiError<S: ErrorSet = CommonErrors> {
    inner: Box<ProblemError>,
    _set: PhantomData<S>,
}

impl<S: ErrorSet> std::fmt::Debug for ApiError<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

/// The type-erased error behind [`ApiError`]; the request middleware recognises it and
/// sends it as it is.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{status}: {code}")]
pub struct ProblemError {
    status: StatusCode,
    code: String,
    detail: Option<String>,
    errors: Vec<FieldError>,
    retry_after_s: Option<u64>,
    headers: Vec<(header::HeaderName, HeaderValue)>,
}

impl ProblemError {
    /// A problem with `status` and a stable `code`.
    pub fn new(status: StatusCode, code: impl Into<String>) -> Self {
        Self {
            status,
            code: code.into(),
            detail: None,
            errors: Vec::new(),
            retry_after_s: None,
            headers: Vec::new(),
        }
    }

    /// Adds the human-readable explanation.
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Adds a field-level problem.
    #[must_use]
    pub fn with_field(
        mut self,
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        self.errors.push(FieldError {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        });
        self
    }

    /// Sets `Retry-After` (seconds).
    #[must_use]
    pub fn with_retry_after(mut self, secs: u64) -> Self {
        self.retry_after_s = Some(secs);
        self
    }

    /// Adds a response header.
    #[must_use]
    pub fn with_header(mut self, name: header::HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The stable code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The body, with the current request id.
    pub fn body(&self) -> Problem {
        Problem {
            type_url: format!("https://haven.dev/problems/{}", self.code.replace('_', "-")),
            title: title_for(self.status).to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.clone(),
            request_id: request_id::current(),
            errors: self.errors.clone(),
        }
    }

    /// Renders the response.
    pub fn to_response(&self) -> Response {
        let body = serde_json::to_vec(&self.body()).unwrap_or_default();
        let mut resp = Response::builder()
            .status(self.status)
            .header(header::CONTENT_TYPE, PROBLEM_JSON)
            .header(header::CACHE_CONTROL, "no-store")
            .body(body);
        if let Some(secs) = self.retry_after_s {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        for (name, value) in &self.headers {
            resp.headers_mut().insert(name.clone(), value.clone());
        }
        resp
    }
}

impl poem::error::ResponseError for ProblemError {
    fn status(&self) -> StatusCode {
        self.status
    }

    fn as_response(&self) -> Response {
        self.to_response()
    }
}

impl<S: ErrorSet> ApiError<S> {
    /// A problem with `status` and a stable `code`.
    pub fn new(status: StatusCode, code: impl Into<String>) -> Self {
        Self {
            inner: Box::new(ProblemError::new(status, code)),
            _set: PhantomData,
        }
    }

    /// Adds the human-readable explanation. Never put secrets or health data here.
    #[must_use]
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.inner.detail = Some(detail.into());
        self
    }

    /// Adds a field-level problem.
    #[must_use]
    pub fn field(
        mut self,
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        self.inner.errors.push(FieldError {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        });
        self
    }

    /// Sets `Retry-After` (seconds).
    #[must_use]
    pub fn retry_after(mut self, secs: u64) -> Self {
        self.inner.retry_after_s = Some(secs);
        self
    }

    /// Adds a response header, e.g. `WWW-Authenticate`.
    #[must_use]
    pub fn header(mut self, name: header::HeaderName, value: HeaderValue) -> Self {
        self.inner.headers.push((name, value));
        self
    }

    /// `400 bad_request`: the request is malformed.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request").detail(detail)
    }

    /// `404 not_found`.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found").detail(detail)
    }

    /// `409 conflict`.
    pub fn conflict(code: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code).detail(detail)
    }

    /// `422 validation_failed` for one field.
    pub fn invalid_field(field: &str, code: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .detail(format!("{field}: {message}"))
            .field(field, code, message)
    }

    /// `503 unavailable` with `Retry-After: 1`.
    pub fn unavailable(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable")
            .detail(detail)
            .retry_after(1)
    }

    /// `500 internal`: logs `cause` with the request id; the body says nothing of it.
    pub fn internal(cause: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal")
            .detail("An unexpected error occurred; quote the request_id to support.")
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.inner.status
    }

    /// The erased error, to change its error set.
    pub fn into_problem(self) -> ProblemError {
        *self.inner
    }

    /// Re-labels the error set (same response).
    pub fn widen<T: ErrorSet>(self) -> ApiError<T> {
        ApiError {
            inner: self.inner,
            _set: PhantomData,
        }
    }
}

impl<S: ErrorSet> From<ProblemError> for ApiError<S> {
    fn from(p: ProblemError) -> Self {
        Self {
            inner: Box::new(p),
            _set: PhantomData,
        }
    }
}

impl<S: ErrorSet> ApiError<S> {
    /// Debug builds: the answered problem is one the operation documents (its error set,
    /// the common ones, or the `401 unauthorized` of a secured operation's token check),
    /// so a problem made in a handler rather than converted from an error type cannot
    /// answer an undocumented code either.
    fn checked(self) -> ProblemError {
        let code = (self.inner.status.as_u16(), self.inner.code.as_str());
        debug_assert!(
            crate::http::error_set::documents_code(S::CODES, code) || code == UNAUTHORIZED,
            "{} {} is not documented by the error set `{}`",
            code.0,
            code.1,
            std::any::type_name::<S>()
        );
        *self.inner
    }
}

impl<S: ErrorSet> From<ApiError<S>> for poem::Error {
    fn from(e: ApiError<S>) -> Self {
        poem::Error::from(e.checked())
    }
}

impl<S: ErrorSet> IntoResponse for ApiError<S> {
    fn into_response(self) -> Response {
        self.checked().to_response()
    }
}

impl<S: ErrorSet> From<DbError> for ApiError<S> {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Unavailable(reason) => {
                tracing::warn!(%reason, "database unavailable");
                Self::unavailable("The database is unavailable; retry shortly.")
            }
            // A query cut off by a lost connection (PostgreSQL restarting: 57P01) is the
            // database being unavailable, whichever path reports it.
            DbError::Query(q) if crate::db::is_connection_error(&q) => {
                tracing::warn!(error = %q, "database unavailable");
                Self::unavailable("The database is unavailable; retry shortly.")
            }
            DbError::Query(q) => Self::from(q),
            DbError::Task(t) => Self::internal(&t),
        }
    }
}

impl<S: ErrorSet> From<diesel::result::Error> for ApiError<S> {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => Self::not_found("The resource does not exist."),
            other => Self::internal(&other),
        }
    }
}

/// Converts any poem error (parse failures of poem-openapi, unknown routes, wrong
/// methods, …) into a problem, keeping 4xx messages (they describe the client's input)
/// and hiding 5xx ones.
pub fn from_poem_error(err: &poem::Error) -> ProblemError {
    let status = err.status();
    if status == StatusCode::UNAUTHORIZED {
        // poem-openapi's bearer extractor found no `Authorization: Bearer` header.
        return crate::auth::unauthorized(false);
    }
    let code = code_for(status);
    let mut problem = ProblemError::new(status, code);
    problem.detail = Some(if status.is_server_error() {
        tracing::error!(error = %err, "internal error");
        "An unexpected error occurred; quote the request_id to support.".to_owned()
    } else {
        err.to_string()
    });
    if status == StatusCode::SERVICE_UNAVAILABLE {
        problem.retry_after_s = Some(1);
    }
    problem
}

/// The default code of a status without a more specific one.
pub fn code_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        409 => "conflict",
        410 => "gone",
        412 => "precondition_failed",
        428 => "precondition_required",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "validation_failed",
        429 => "rate_limited",
        503 => "unavailable",
        504 => "timeout",
        s if s >= 500 => "internal",
        _ => "error",
    }
}

fn title_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "Request is malformed",
        401 => "Authentication required",
        403 => "Not allowed",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict with the current state",
        410 => "Gone",
        412 => "Precondition failed",
        428 => "Precondition required",
        413 => "Request body too large",
        415 => "Unsupported content type",
        422 => "Request is invalid",
        429 => "Too many requests",
        503 => "Service unavailable",
        _ => status.canonical_reason().unwrap_or("Error"),
    }
}

/// The description of a problem status in the document.
pub(crate) fn describe(status: u16) -> &'static str {
    match status {
        400 => "Malformed request: bad JSON, wrong types, unknown enum values or fields.",
        401 => "Missing, invalid or expired access token.",
        403 => "Authenticated but not allowed.",
        404 => "The resource does not exist (or is not yours).",
        405 => "Method not allowed on this path; see `Allow`.",
        409 => "Conflicts with the current state.",
        410 => "The resource existed but is gone for good.",
        412 => "`If-Match` did not match the current version.",
        428 => "The write needs `If-Match` with the `ETag` of the version it changes.",
        413 => "Request body larger than the server accepts.",
        415 => "Unsupported `Content-Type`.",
        422 => "Well-formed but invalid values; see `errors`.",
        429 => "Rate limited; see `Retry-After`.",
        500 => "Unexpected server error; quote `request_id` to support.",
        503 => "Overloaded, draining or database unavailable; see `Retry-After`.",
        _ => "Error.",
    }
}

fn meta_header(name: &str, description: &str) -> MetaHeader {
    MetaHeader {
        name: name.to_owned(),
        description: Some(description.to_owned()),
        required: false,
        deprecated: false,
        schema: u64::schema_ref(),
    }
}

/// Headers documented on an error status: `Retry-After` on 429 and 503, and the
/// `RateLimit-*` headers of the rate limiter on 429.
fn headers_of(status: u16) -> Vec<MetaHeader> {
    let retry_after = meta_header("Retry-After", "Seconds to wait before retrying.");
    match status {
        429 => vec![
            retry_after,
            meta_header("RateLimit-Limit", "Requests allowed per window."),
            meta_header(
                "RateLimit-Remaining",
                "Requests left in the current window.",
            ),
            meta_header("RateLimit-Reset", "Seconds until the current window ends."),
        ],
        503 => vec![retry_after],
        _ => Vec::new(),
    }
}

/// `Problem` whose `code` is one of `codes`: what one status of one operation answers.
/// `contract::finish` gathers these into the operation's named problem schema.
fn problem_with_codes(codes: &[&'static str]) -> MetaSchemaRef {
    let code = MetaSchema {
        enum_items: codes.iter().map(|c| serde_json::Value::from(*c)).collect(),
        ..MetaSchema::new("string")
    };
    let narrowing = MetaSchema {
        required: vec!["code"],
        properties: vec![("code", MetaSchemaRef::Inline(Box::new(code)))],
        ..MetaSchema::new("object")
    };
    MetaSchemaRef::Inline(Box::new(MetaSchema {
        all_of: vec![
            Problem::schema_ref(),
            MetaSchemaRef::Inline(Box::new(narrowing)),
        ],
        ..MetaSchema::ANY
    }))
}

impl<S: ErrorSet> ApiResponse for ApiError<S> {
    const BAD_REQUEST_HANDLER: bool = true;

    fn meta() -> MetaResponses {
        let mut by_status: Vec<(u16, Vec<&'static str>)> = Vec::new();
        for &(status, code) in COMMON_CODES
            .iter()
            .chain(S::CODES.iter().copied().flatten())
        {
            match by_status.iter_mut().find(|(s, _)| *s == status) {
                Some((_, codes)) if codes.contains(&code) => {}
                Some((_, codes)) => codes.push(code),
                None => by_status.push((status, vec![code])),
            }
        }
        by_status.sort_unstable_by_key(|(status, _)| *status);
        MetaResponses {
            responses: by_status
                .into_iter()
                .map(|(status, codes)| MetaResponse {
                    description: if S::GUARDED && status == 403 {
                        GUARDED_403
                    } else {
                        describe(status)
                    },
                    status: Some(status),
                    status_range: None,
                    content: vec![MetaMediaType {
                        content_type: PROBLEM_JSON,
                        schema: problem_with_codes(&codes),
                    }],
                    headers: headers_of(status),
                })
                .collect(),
        }
    }

    fn register(registry: &mut Registry) {
        Problem::register(registry);
    }

    fn from_parse_request_error(err: poem::Error) -> Self {
        // Extractors that already answer with a problem (the bearer checker) keep it.
        if let Some(problem) = err.downcast_ref::<ProblemError>() {
            return Self::from(problem.clone());
        }
        Self::from(from_poem_error(&err))
    }
}
