//! Liveness and readiness (`/health/live`, `/health/ready` on both listeners).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi, Tags};

use crate::db::{Db, migrations_pending};
use crate::http::problem::{ApiError, ApiResult};

/// Readiness state shared by the listeners and the shutdown sequence.
#[derive(Clone, Debug)]
pub struct Health {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    db: Db,
    draining: AtomicBool,
    migrations_current: AtomicBool,
}

impl Health {
    /// Ready once the database answers and no migration is pending.
    pub fn new(db: Db) -> Self {
        Self {
            inner: Arc::new(Inner {
                db,
                draining: AtomicBool::new(false),
                migrations_current: AtomicBool::new(false),
            }),
        }
    }

    /// From now on readiness is false, so load balancers stop sending traffic.
    pub fn start_draining(&self) {
        self.inner.draining.store(true, Ordering::SeqCst);
    }

    /// Whether shutdown has begun.
    pub fn is_draining(&self) -> bool {
        self.inner.draining.load(Ordering::SeqCst)
    }

    /// `Ok` when this node should receive traffic, else why not.
    pub async fn readiness(&self) -> Result<(), &'static str> {
        if self.is_draining() {
            return Err("draining: the node is shutting down");
        }
        if self.inner.db.ping().await.is_err() {
            return Err("database unreachable");
        }
        // Migrations only move forward while the process lives, so once current, the
        // check is skipped on later probes.
        if !self.inner.migrations_current.load(Ordering::Relaxed) {
            match migrations_pending(&self.inner.db).await {
                Ok(false) => self.inner.migrations_current.store(true, Ordering::Relaxed),
                Ok(true) => return Err("database migrations pending; run `haven migrate`"),
                Err(_) => return Err("database unreachable"),
            }
        }
        Ok(())
    }
}

/// Health status body.
#[derive(Debug, Object)]
pub struct HealthStatus {
    /// `live` or `ready`.
    pub status: String,
}

/// A passed probe.
#[derive(Debug, ApiResponse)]
pub enum HealthResponse {
    /// The probe passed.
    #[oai(status = 200)]
    Ok(Json<HealthStatus>),
}

#[derive(Tags)]
enum HealthTags {
    /// Probes for load balancers and orchestrators.
    Health,
}

/// The health operations, documented in the OpenAPI document.
#[derive(Debug)]
pub struct HealthApi {
    health: Health,
}

impl HealthApi {
    /// Serves probes of `health`.
    pub fn new(health: Health) -> Self {
        Self { health }
    }
}

#[OpenApi(tag = "HealthTags::Health")]
impl HealthApi {
    /// Liveness: the process is serving.
    #[oai(
        path = "/health/live",
        method = "get",
        operation_id = "platformHealthLive"
    )]
    async fn live(&self) -> ApiResult<HealthResponse> {
        Ok(HealthResponse::Ok(Json(HealthStatus {
            status: "live".to_owned(),
        })))
    }

    /// Readiness: not draining, database reachable, migrations current; else `503`.
    #[oai(
        path = "/health/ready",
        method = "get",
        operation_id = "platformHealthReady"
    )]
    async fn ready(&self) -> ApiResult<HealthResponse> {
        match self.health.readiness().await {
            Ok(()) => Ok(HealthResponse::Ok(Json(HealthStatus {
                status: "ready".to_owned(),
            }))),
            Err(reason) => Err(ApiError::unavailable(reason)),
        }
    }
}
