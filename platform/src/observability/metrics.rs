//! Prometheus metrics. The `metrics` facade is process-global by design, so the recorder
//! is installed once and shared by every app a process builds (tests build many).

use std::sync::OnceLock;
use std::time::Duration;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::RwLock;

use metrics::{Counter, Histogram};
use poem::http::{Method, StatusCode};

use super::BuildInfo;
use crate::db::{Db, PoolStats};

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Latency buckets in seconds: fine below 100 ms where the hot paths live.
const LATENCY_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Installs the recorder on first use and returns the handle that renders `/metrics`.
pub fn install() -> PrometheusHandle {
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new();
            let builder = match builder.set_buckets_for_metric(
                Matcher::Full("http_server_request_duration_seconds".to_owned()),
                LATENCY_BUCKETS,
            ) {
                Ok(b) => b,
                // Only fails for an empty bucket list, which LATENCY_BUCKETS is not.
                Err(_) => PrometheusBuilder::new(),
            };
            let recorder = builder.build_recorder();
            let handle = recorder.handle();
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("a metrics recorder was already installed; /metrics may be empty");
            }
            describe();
            handle
        })
        .clone()
}

fn describe() {
    metrics::describe_counter!(
        "http_server_requests_total",
        "HTTP requests by route template"
    );
    metrics::describe_histogram!(
        "http_server_request_duration_seconds",
        metrics::Unit::Seconds,
        "HTTP request latency by route template"
    );
    metrics::describe_gauge!("haven_db_pool_size", "Open connections per pool");
    metrics::describe_gauge!("haven_db_pool_idle", "Idle connections per pool");
    metrics::describe_gauge!("haven_db_pool_waiting", "Callers waiting for a connection");
    metrics::describe_gauge!("haven_build_info", "Always 1; labels say what is running");
    metrics::describe_gauge!(
        "haven_ready",
        "1 when /health/ready passes (not draining, database reachable, migrations current)"
    );
    metrics::describe_gauge!(
        "haven_jobs_queue_depth",
        "Due pending and running jobs by kind and state"
    );
    metrics::describe_gauge!(
        "haven_jobs_queue_age_seconds",
        "How long the oldest due job of a kind has waited to start"
    );
}

/// Method label: the standard methods by name, anything else as `OTHER`, so a client
/// cannot grow the label set with made-up methods.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    }
}

#[derive(Clone)]
struct RequestHandles {
    requests: Counter,
    duration: Histogram,
}

/// A route's handles, keyed by (method label, status).
type HandlesByMethodStatus = foldhash::HashMap<(&'static str, u16), RequestHandles>;

/// The RED metrics of one app, with the handle of each (method, route, status) resolved
/// once: the hot path then records without building label sets or allocating.
#[derive(Default)]
pub struct RequestMetrics {
    by_route: RwLock<foldhash::HashMap<String, HandlesByMethodStatus>>,
}

impl std::fmt::Debug for RequestMetrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestMetrics").finish_non_exhaustive()
    }
}

impl RequestMetrics {
    /// Records one finished request under its route template.
    pub fn record(&self, method: &Method, route: &str, status: StatusCode, elapsed: Duration) {
        let key = (method_label(method), status.as_u16());
        let cached = self
            .by_route
            .read()
            .ok()
            .and_then(|routes| routes.get(route).and_then(|m| m.get(&key)).cloned());
        let handles = match cached {
            Some(h) => h,
            None => {
                let labels = [
                    ("method", key.0.to_owned()),
                    ("route", route.to_owned()),
                    ("status", status.as_str().to_owned()),
                ];
                let h = RequestHandles {
                    requests: metrics::counter!("http_server_requests_total", &labels),
                    duration: metrics::histogram!(
                        "http_server_request_duration_seconds",
                        &labels[..2]
                    ),
                };
                if let Ok(mut routes) = self.by_route.write() {
                    routes
                        .entry(route.to_owned())
                        .or_default()
                        .insert(key, h.clone());
                }
                h
            }
        };
        handles.requests.increment(1);
        handles.duration.record(elapsed.as_secs_f64());
    }
}

/// Sets `haven_build_info{version,commit} 1`.
pub fn record_build_info(build: &BuildInfo) {
    metrics::gauge!("haven_build_info", "version" => build.version, "commit" => build.commit)
        .set(1.0);
}

/// Sets `haven_ready` to what `/health/ready` would answer now (refreshed per scrape).
pub fn record_ready(ready: bool) {
    metrics::gauge!("haven_ready").set(if ready { 1.0 } else { 0.0 });
}

fn record_pool(pool: &'static str, stats: PoolStats) {
    metrics::gauge!("haven_db_pool_size", "pool" => pool).set(f64::from(stats.size));
    metrics::gauge!("haven_db_pool_idle", "pool" => pool).set(f64::from(stats.idle));
    metrics::gauge!("haven_db_pool_waiting", "pool" => pool).set(f64::from(stats.waiting));
}

/// Renders the Prometheus text, refreshing the pool gauges first.
pub fn render(handle: &PrometheusHandle, db: &Db) -> String {
    record_pool("primary", db.stats());
    if let Some(replica) = db.replica_stats() {
        record_pool("replica", replica);
    }
    handle.render()
}
