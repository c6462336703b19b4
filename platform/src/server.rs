//! Serving the app on the public and admin listeners, and the graceful shutdown of
//! docs/architecture.md: on the shutdown signal readiness turns false at once, the node keeps
//! serving for `server.drain_delay_ms` so load balancers notice, then stops accepting
//! and gives in-flight requests `server.shutdown_grace_ms` to finish.

use std::net::SocketAddr;
use std::time::Duration;

use poem::{EndpointExt, Route, get, handler, web::Data};
use poem_openapi::OpenApiService;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::health::HealthApi;
use crate::http::app::{API_TITLE, HttpApp};
use crate::http::listener;
use crate::module::PlatformContext;
use crate::observability::metrics;

/// Both listeners, bound (so tests can bind port 0 and read the real addresses).
pub struct Bound {
    api: TcpListener,
    admin: TcpListener,
    /// Where the public API listens.
    pub api_addr: SocketAddr,
    /// Where `/metrics` and the probes listen.
    pub admin_addr: SocketAddr,
}

fn bind_one(addr: SocketAddr) -> anyhow::Result<(TcpListener, SocketAddr)> {
    let listener = std::net::TcpListener::bind(addr)
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    listener.set_nonblocking(true)?;
    let local = listener.local_addr()?;
    Ok((TcpListener::from_std(listener)?, local))
}

/// Binds `server.addr` and `server.admin_addr`. Call inside a tokio runtime.
pub fn bind(ctx: &PlatformContext) -> anyhow::Result<Bound> {
    let (api, api_addr) = bind_one(ctx.settings.server.addr)?;
    let (admin, admin_addr) = bind_one(ctx.settings.server.admin_addr)?;
    Ok(Bound {
        api,
        admin,
        api_addr,
        admin_addr,
    })
}

#[handler]
async fn metrics_endpoint(ctx: Data<&PlatformContext>) -> String {
    // Installed first: a gauge set before the recorder exists would be lost.
    let handle = metrics::install();
    metrics::record_ready(ctx.health.readiness().await.is_ok());
    metrics::render(&handle, &ctx.db)
}

/// The admin listener's routes: `/metrics` and the probes.
pub fn admin_app(ctx: &PlatformContext) -> Route {
    let probes = OpenApiService::new(HealthApi::new(ctx.health.clone()), API_TITLE, "admin");
    Route::new()
        .at("/metrics", get(metrics_endpoint.data(ctx.clone())))
        .nest("/", probes)
}

impl Bound {
    /// Serves until `shutdown` resolves, then drains and returns once in-flight requests
    /// finished (or the grace period ran out).
    pub async fn serve(
        self,
        ctx: &PlatformContext,
        app: HttpApp,
        shutdown: impl Future<Output = ()>,
    ) -> anyhow::Result<()> {
        let server = &ctx.settings.server;
        let grace = Duration::from_millis(server.shutdown_grace_ms);
        let (stop_tx, stop_rx) = watch::channel(false);
        let stopped = |mut rx: watch::Receiver<bool>| async move {
            // An error means the sender is gone, which also means stop.
            let _ = rx.wait_for(|stop| *stop).await;
        };
        let api = tokio::spawn(listener::serve(
            "api",
            self.api,
            app.endpoint.into(),
            stopped(stop_rx.clone()),
            grace,
        ));
        let admin = tokio::spawn(listener::serve(
            "admin",
            self.admin,
            admin_app(ctx).boxed().into(),
            stopped(stop_rx),
            grace,
        ));
        tracing::info!(api = %self.api_addr, admin = %self.admin_addr, "haven is serving");

        shutdown.await;
        ctx.health.start_draining();
        tracing::info!(
            drain_delay_ms = server.drain_delay_ms,
            "shutdown requested; draining"
        );
        tokio::time::sleep(Duration::from_millis(server.drain_delay_ms)).await;
        let _ = stop_tx.send(true);
        let (api, admin) = tokio::join!(api, admin);
        api??;
        admin??;
        tracing::info!("all listeners stopped");
        Ok(())
    }
}

/// Registers SIGTERM and SIGINT handlers now (so a signal that arrives while the server
/// starts is not lost to the default handler) and resolves when either arrives.
pub fn shutdown_signal() -> anyhow::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    Ok(async move {
        tokio::select! {
            _ = term.recv() => tracing::info!("SIGTERM received"),
            _ = int.recv() => tracing::info!("SIGINT received"),
        }
    })
}
