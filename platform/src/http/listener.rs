//! One listener's accept loop over hyper, without poem's `Server` (ADR 0009): poem boxes every
//! connection (`BoxIo`, a `tokio::io::split` that hides vectored writes), which makes
//! hyper copy each response body into its write buffer. Here hyper gets the `TcpStream`
//! itself and sends head and body with one `writev`. Shutdown keeps poem's contract: stop
//! accepting, let each connection finish its in-flight requests, cut what is left when
//! the grace period runs out.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use poem::endpoint::DynEndpoint;
use poem::http::uri::Scheme;
use poem::web::{LocalAddr, RemoteAddr};
use poem::{Addr, Endpoint, Request, Response};
use tokio::net::TcpListener;
use tokio::task::JoinSet;

/// A pause after a failed `accept` (out of file descriptors, say), so the loop does not
/// spin while the condition lasts.
const ACCEPT_ERROR_PAUSE: Duration = Duration::from_millis(50);

/// HTTP/2's limit on a request's decoded header block, poem's default kept.
const HTTP2_MAX_HEADER_LIST_BYTES: u32 = 16 * 1024;

/// An endpoint every connection shares.
pub type SharedEndpoint = Arc<dyn DynEndpoint<Output = Response>>;

/// Serves `listener` with `endpoint` until `stop` resolves, then waits up to `grace` for
/// in-flight requests and closes every connection that is still open.
pub async fn serve(
    name: &'static str,
    listener: TcpListener,
    endpoint: SharedEndpoint,
    stop: impl Future<Output = ()>,
    grace: Duration,
) -> anyhow::Result<()> {
    let local = LocalAddr(Addr::SocketAddr(listener.local_addr()?));
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http2()
        .max_header_list_size(HTTP2_MAX_HEADER_LIST_BYTES);
    // The hyper service of one connection: each request becomes a poem `Request`, with
    // the addresses poem's server would give it, and goes to `endpoint`.
    let service_for = |peer: SocketAddr| {
        let endpoint = Arc::clone(&endpoint);
        let local = local.clone();
        let remote = RemoteAddr(Addr::SocketAddr(peer));
        hyper::service::service_fn(move |req: poem::http::Request<Incoming>| {
            let req = Request::from((req, local.clone(), remote.clone(), Scheme::HTTP));
            let endpoint = Arc::clone(&endpoint);
            async move {
                let response: poem::http::Response<_> = endpoint.get_response(req).await.into();
                Ok::<_, Infallible>(response)
            }
        })
    };
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => break,
            Some(done) = connections.join_next(), if !connections.is_empty() => {
                if let Err(e) = done {
                    tracing::error!(listener = name, error = %e, "a connection task failed");
                }
            }
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let conn = builder
                        .serve_connection_with_upgrades(TokioIo::new(stream), service_for(peer))
                        .into_owned();
                    let conn = graceful.watch(conn);
                    connections.spawn(async move {
                        // A client that hangs up mid-request is routine, not an error of ours.
                        if let Err(e) = conn.await {
                            tracing::debug!(error = %e, "connection ended with an error");
                        }
                    });
                }
                Err(e) => {
                    tracing::warn!(listener = name, error = %e, "accept failed");
                    tokio::time::sleep(ACCEPT_ERROR_PAUSE).await;
                }
            },
        }
    }
    drop(listener);
    tracing::info!(
        listener = name,
        open = graceful.count(),
        "stopped accepting"
    );
    if tokio::time::timeout(grace, graceful.shutdown())
        .await
        .is_err()
    {
        // Ended connections stay in the set until joined: join them so the count is true.
        while connections.try_join_next().is_some() {}
        tracing::warn!(
            listener = name,
            open = connections.len(),
            "grace period over; closing the connections still open"
        );
    }
    connections.shutdown().await;
    tracing::info!(listener = name, "stopped");
    Ok(())
}
