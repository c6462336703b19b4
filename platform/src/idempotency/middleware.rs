//! The [`Idempotency`] middleware: claim, run, store, replay.

use std::any::Any;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use chrono::{NaiveDateTime, TimeDelta};
use futures_util::FutureExt;
use futures_util::future::Either;
use poem::error::ReadBodyError;
use poem::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use poem::{Body, Endpoint, IntoResponse, Middleware, PathPattern, Request, Response, Result};
use tracing::Instrument;

use super::repo::{self, Claim, Fingerprint, Owner, Stored};
use super::{
    HEADER, HEADER_NAME, MAX_KEY_LEN, REPLAYED_HEADER, is_valid_key, principal_of, scope_of,
    sha256_hex,
};
use crate::auth::Auth;
use crate::config::Settings;
use crate::db::{Db, DbError, RequestTx};
use crate::http::app::panicked;
use crate::http::middleware::envelope::{error_response, problem_if_plain_error, route_of};
use crate::http::middleware::limits::timed_out;
use crate::http::problem::{ApiError, ProblemError, from_poem_error};
use crate::http::request_id;
use crate::http::routes::RouteTable;
use crate::nodes::NodeId;

/// The response headers a replay repeats; the others are per response (request id,
/// security headers, CORS) and the outer layers add them again.
const REPLAYED_HEADERS: [HeaderName; 4] = [
    header::CONTENT_TYPE,
    header::LOCATION,
    header::ETAG,
    header::CACHE_CONTROL,
];

/// Statuses that reject the input without acting on it (malformed, too large, wrong
/// type, invalid, rate limited): nothing is stored, so a corrected retry with the same
/// key runs.
const RELEASE_STATUSES: [u16; 5] = [400, 413, 415, 422, 429];

/// How long a running claim outlives the request timeout before another request may
/// take the key over: time to store the response. Only a node that died mid-request
/// leaves a claim to lapse, and a registered node's claims are taken over as soon as it
/// misses its heartbeats (`nodes::DEAD_AFTER`); the lease is for the others.
const LEASE_MARGIN: Duration = Duration::from_secs(60);

/// Enforces `Idempotency-Key` on the operations whose OpenAPI entry declares it; every
/// other request passes through untouched. Mounted inside the body limit (it buffers
/// the bounded body to hash it) and inside the timeout and panic layers: it runs the
/// endpoint in a task of its own under the same request timeout, so a claim is always
/// resolved (stored, or released for rejected input) even when the client goes away, the
/// timeout answers first or the handler panics.
#[derive(Clone)]
pub struct Idempotency {
    config: Arc<Config>,
}

impl std::fmt::Debug for Idempotency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Idempotency")
            .field("ttl", &self.config.ttl)
            .finish_non_exhaustive()
    }
}

struct Config {
    db: Db,
    /// Verifies bearer tokens for the key's scope.
    auth: Auth,
    routes: Arc<RouteTable>,
    /// How long a finished response is replayed (`idempotency.ttl_s`).
    ttl: TimeDelta,
    /// How long a running claim holds the key.
    lease: TimeDelta,
    /// The request timeout, applied to the endpoint's task.
    deadline: Duration,
    /// `server.max_body_bytes`.
    max_body: usize,
    /// This node's id, recorded on its claims.
    node: String,
}

impl Idempotency {
    /// Uses `idempotency.ttl_s`, `server.request_timeout_ms` and `server.max_body_bytes`;
    /// `routes` says which operations declare the header; claims are recorded as held by
    /// `node` (the process's id in the node registry).
    pub fn new(
        db: Db,
        auth: Auth,
        settings: &Settings,
        routes: Arc<RouteTable>,
        node: NodeId,
    ) -> Self {
        let deadline = Duration::from_millis(settings.server.request_timeout_ms);
        let delta = |d: Duration| TimeDelta::from_std(d).unwrap_or(TimeDelta::MAX);
        Self {
            config: Arc::new(Config {
                db,
                auth,
                routes,
                ttl: delta(Duration::from_secs(settings.idempotency.ttl_s)),
                lease: delta(deadline.saturating_add(LEASE_MARGIN)),
                deadline,
                max_body: usize::try_from(settings.server.max_body_bytes).unwrap_or(usize::MAX),
                node: node.to_string(),
            }),
        }
    }
}

impl<E: Endpoint + 'static> Middleware<E> for Idempotency {
    type Output = IdempotencyEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        IdempotencyEndpoint {
            inner: Arc::new(inner),
            config: Arc::clone(&self.config),
        }
    }
}

/// Endpoint produced by [`Idempotency`].
pub struct IdempotencyEndpoint<E> {
    inner: Arc<E>,
    config: Arc<Config>,
}

impl<E: Endpoint + 'static> Endpoint for IdempotencyEndpoint<E> {
    type Output = Response;

    // Not an `async fn` (see the envelope): every request without a key for a declaring
    // operation passes through with the inner future unwrapped; a keyed request is rare
    // and takes a boxed path, so its states do not sit in every request's future.
    fn call(&self, req: Request) -> impl Future<Output = Result<Response>> + Send {
        match self.keyed_template(&req) {
            // `&*`: `Arc<E>`'s own `Endpoint` impl would wrap the call in one more future.
            None => Either::Left((*self.inner).call(req).map(into_response)),
            Some(template) => Either::Right(Box::pin(self.keyed(req, template))),
        }
    }
}

fn into_response<T: IntoResponse>(result: Result<T>) -> Result<Response> {
    result.map(IntoResponse::into_response)
}

impl<E: Endpoint + 'static> IdempotencyEndpoint<E> {
    /// The template of the operation when the request carries a key and must go through
    /// the claim: the operation declares the header, and is public or the bearer token
    /// verifies.
    fn keyed_template(&self, req: &Request) -> Option<&str> {
        if !req.headers().contains_key(HEADER_NAME) {
            return None;
        }
        let method = req.method().as_str();
        let template = self
            .config
            .routes
            .idempotent_route(method, req.uri().path())?;
        // Authentication comes before every other check (docs/architecture.md): a request
        // to a secured operation without a valid token goes straight to the handler,
        // whose bearer guard answers `401`, and never claims a key or has it validated.
        if self.config.routes.is_secured(method, template)
            && principal_of(req.headers(), &self.config.auth).is_none()
        {
            return None;
        }
        Some(template)
    }

    async fn keyed(&self, mut req: Request, template: &str) -> Result<Response> {
        // Responses made here carry the route, so the access log and metrics name it.
        let pattern = PathPattern(template.into());
        match self.config.claim(&mut req).await {
            Ok(owned) => self.run(req, owned).await,
            Err(mut resp) => {
                resp.set_data(pattern);
                Ok(resp)
            }
        }
    }
}

impl<E: Endpoint + 'static> IdempotencyEndpoint<E> {
    /// Runs the endpoint for a claimed key in its own task, so dropping this future (a
    /// timeout, a disconnect) does not abandon the claim.
    async fn run(&self, req: Request, owned: Owner) -> Result<Response> {
        let inner = Arc::clone(&self.inner);
        let config = Arc::clone(&self.config);
        let work = async move { config.complete(&*inner, owned, req).await }
            .instrument(tracing::Span::current());
        let task = match request_id::current_value() {
            Some(id) => tokio::spawn(request_id::scope(id, work)),
            None => tokio::spawn(work),
        };
        match task.await {
            Ok(Ok(resp)) => Ok(resp),
            // The 500 is stored; the panic layer answers it and logs.
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            // Only when the runtime shuts down under the request.
            Err(join) => Err(
                ApiError::<crate::http::problem::CommonErrors>::internal(&join)
                    .into_problem()
                    .into(),
            ),
        }
    }
}

impl Config {
    /// Validates the key, hashes the body and claims the key; `Err` is the answer when
    /// this request does not get to run (invalid key, in use, reused, replay).
    async fn claim(&self, req: &mut Request) -> Result<Owner, Response> {
        let key = parse_key(req.headers()).ok_or_else(|| {
            ProblemError::new(StatusCode::BAD_REQUEST, "idempotency_key_invalid")
                .with_detail(format!(
                    "{HEADER} must be one header of 1 to {MAX_KEY_LEN} printable ASCII \
                     characters"
                ))
                .to_response()
        })?;
        let body = req
            .take_body()
            .into_bytes_limit(self.max_body)
            .await
            .map_err(|e| match e {
                ReadBodyError::PayloadTooLarge => {
                    ProblemError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
                        .with_detail(format!(
                            "request body exceeds the limit of {} bytes",
                            self.max_body
                        ))
                        .to_response()
                }
                other => from_poem_error(&poem::Error::from(other)).to_response(),
            })?;
        let fp = Fingerprint {
            scope: scope_of(req.headers(), &self.auth),
            key,
            method: req.method().as_str().to_owned(),
            // The query is part of what the request asks for.
            path: req
                .uri()
                .path_and_query()
                .map_or_else(|| req.uri().path().to_owned(), |pq| pq.as_str().to_owned()),
            body_hash: sha256_hex(&body),
        };
        req.set_body(Body::from_bytes(body));

        let now = crate::time::now_utc();
        let lease_until = after(now, self.lease);
        let dead_before = crate::nodes::dead_before(now);
        let (scope, key, node) = (fp.scope.clone(), fp.key.clone(), self.node.clone());
        let claim = self
            .db
            .run(move |conn| {
                repo::claim(conn, &fp, &node, now, lease_until, dead_before).map_err(DbError::from)
            })
            .await
            .map_err(|e| {
                ApiError::<crate::http::problem::CommonErrors>::from(e)
                    .into_problem()
                    .to_response()
            })?;
        match claim {
            Claim::Acquired { created_at } => Ok(Owner {
                scope,
                key,
                node: self.node.clone(),
                created_at,
            }),
            Claim::InUse => Err(conflict(
                StatusCode::CONFLICT,
                "idempotency_key_in_use",
                "A request with this Idempotency-Key is still being processed; retry \
                 shortly to get its response.",
            )),
            Claim::Reused => Err(conflict(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "This Idempotency-Key was used for a request with a different method, path \
                 or body; use a new key for a new request.",
            )),
            Claim::Replay(stored) => {
                metrics::counter!("haven_idempotency_replays_total").increment(1);
                Err(replay(stored))
            }
        }
    }

    /// Runs the endpoint under the request timeout, catching a panic, with its writes in
    /// one request transaction, and resolves the claim with the response the client gets
    /// (in that transaction). A panic is handed back to be resumed.
    async fn complete<E: Endpoint>(
        &self,
        inner: &E,
        owned: Owner,
        req: Request,
    ) -> Result<Response, Box<dyn Any + Send>> {
        let tx = RequestTx::new(self.db.clone());
        let call = AssertUnwindSafe(Arc::clone(&tx).scope(inner.call(req))).catch_unwind();
        let (resp, panic) = match tokio::time::timeout(self.deadline, call).await {
            Ok(Ok(result)) => (self.finalize(result), None),
            Ok(Err(panic)) => (panicked().to_response(), Some(panic)),
            Err(_) => (timed_out().to_response(), None),
        };
        let resp = self.record(&owned, &tx, resp).await;
        match panic {
            Some(panic) => Err(panic),
            None => Ok(resp),
        }
    }

    /// The response exactly as the envelope will send it (errors as problems), keeping
    /// the matched route for the access log.
    fn finalize<T: IntoResponse>(&self, result: Result<T>) -> Response {
        let (pattern, mut resp) = match result {
            Ok(out) => {
                let resp = out.into_response();
                (
                    resp.data::<PathPattern>().cloned(),
                    problem_if_plain_error(resp),
                )
            }
            Err(err) => {
                let pattern = err.data::<PathPattern>().cloned();
                let route = route_of(pattern.as_ref(), &self.routes);
                (pattern, error_response(err, route.as_deref(), &self.routes))
            }
        };
        if let Some(pattern) = pattern {
            resp.set_data(pattern);
        }
        resp
    }

    /// Stores `resp` under the claim (or releases the claim for rejected input) in the
    /// request transaction, commits it, and returns `resp`. When the transaction cannot
    /// commit, or the claim was taken over meanwhile, nothing of the request stays and
    /// the client is told so instead.
    async fn record(&self, owned: &Owner, tx: &RequestTx, mut resp: Response) -> Response {
        let status = resp.status().as_u16();
        let body = match resp.take_body().into_bytes().await {
            Ok(body) => body,
            Err(e) => {
                tracing::error!(error = %e, "idempotency: reading the response failed");
                tx.end(|_| Ok(false)).await;
                self.release(owned).await;
                return ApiError::<crate::http::problem::CommonErrors>::internal(&e)
                    .into_problem()
                    .to_response();
            }
        };
        resp.set_body(body.clone());
        let release = RELEASE_STATUSES.contains(&status);
        let stored = Stored {
            status,
            headers: replayed_headers(resp.headers()),
            body: body.to_vec(),
        };
        let expires_at = after(owned.created_at, self.ttl);
        #[cfg(feature = "test-support")]
        if super::fault::fires(&owned.key, super::fault::Fault::CrashBeforeCommit) {
            tx.abandon().await;
            return super::fault::crashed();
        }
        let (owner, in_tx) = (owned.clone(), stored.clone());
        let ending = tx
            .end(move |conn| {
                let resolved = if release {
                    repo::release(conn, &owner)?
                } else {
                    repo::finish(conn, &owner, &in_tx, expires_at)?
                };
                Ok(resolved == 1)
            })
            .await;
        match ending {
            Some(Ok(true)) => {}
            None if release => self.release(owned).await,
            None => self.store(owned, stored, expires_at).await,
            Some(Ok(false)) => {
                tracing::warn!(
                    "idempotency: the claim was taken over before the response was stored; \
                     the request's writes are rolled back"
                );
                return conflict(
                    StatusCode::CONFLICT,
                    "idempotency_key_in_use",
                    "Another request with this Idempotency-Key took it over; retry to get \
                     its response.",
                );
            }
            Some(Err(e)) => {
                tracing::error!(error = %e, "idempotency: committing the request failed; rolled back");
                self.release(owned).await;
                return ApiError::<crate::http::problem::CommonErrors>::from(e)
                    .into_problem()
                    .to_response();
            }
        }
        #[cfg(feature = "test-support")]
        if super::fault::fires(&owned.key, super::fault::Fault::CrashAfterCommit) {
            return super::fault::crashed();
        }
        resp
    }

    /// Stores the response of a request that wrote nothing through `Db::write`. A claim
    /// that cannot be stored is released rather than left running.
    async fn store(&self, owned: &Owner, stored: Stored, expires_at: NaiveDateTime) {
        let owner = owned.clone();
        let stored = self
            .db
            .run(move |conn| repo::finish(conn, &owner, &stored, expires_at).map_err(DbError::from))
            .await;
        match stored {
            Ok(1) => {}
            Ok(_) => tracing::warn!(
                "idempotency: the claim lapsed before its response was stored; not stored"
            ),
            Err(e) => {
                tracing::error!(error = %e, "idempotency: storing the response failed");
                self.release(owned).await;
            }
        }
    }

    /// Deletes the claim; on failure it lapses with its lease.
    async fn release(&self, owned: &Owner) {
        let owner = owned.clone();
        let released = self
            .db
            .run(move |conn| repo::release(conn, &owner).map_err(DbError::from))
            .await;
        if let Err(e) = released {
            tracing::error!(
                error = %e,
                "idempotency: releasing a claim failed; it frees up when its lease lapses"
            );
        }
    }
}

/// The one `Idempotency-Key` value, if it is valid.
fn parse_key(headers: &HeaderMap) -> Option<String> {
    let mut values = headers.get_all(HEADER_NAME).iter();
    let first = values.next()?;
    if values.next().is_some() {
        return None;
    }
    let key = first.to_str().ok()?;
    is_valid_key(key).then(|| key.to_owned())
}

fn conflict(status: StatusCode, code: &'static str, detail: &str) -> Response {
    metrics::counter!("haven_idempotency_conflicts_total", "code" => code).increment(1);
    ProblemError::new(status, code)
        .with_detail(detail)
        .to_response()
}

/// The replayed headers of `headers` as a JSON list of `[name, value]` pairs.
fn replayed_headers(headers: &HeaderMap) -> String {
    let pairs: Vec<(&str, &str)> = REPLAYED_HEADERS
        .iter()
        .filter_map(|name| {
            let value = headers.get(name)?.to_str().ok()?;
            Some((name.as_str(), value))
        })
        .collect();
    serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".to_owned())
}

fn replay(stored: Stored) -> Response {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut resp = Response::builder().status(status).body(stored.body);
    let pairs: Vec<(String, String)> = serde_json::from_str(&stored.headers).unwrap_or_default();
    for (name, value) in pairs {
        if let (Ok(name), Ok(value)) = (
            HeaderName::try_from(name.as_str()),
            HeaderValue::try_from(value.as_str()),
        ) {
            resp.headers_mut().insert(name, value);
        }
    }
    if let Ok(name) = HeaderName::from_bytes(REPLAYED_HEADER.as_bytes()) {
        resp.headers_mut()
            .insert(name, HeaderValue::from_static("true"));
    }
    resp
}

fn after(t: NaiveDateTime, d: TimeDelta) -> NaiveDateTime {
    t.checked_add_signed(d).unwrap_or(NaiveDateTime::MAX)
}
