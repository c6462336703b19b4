//! Transactional outbox (work in progress in this commit).

use futures_util::future::BoxFuture;

/// Handles outbox events.
pub trait EventHandler: Send + Sync + 'static {
    /// Stable handler name.
    fn name(&self) -> &'static str;
    /// Handles one event.
    fn handle<'a>(&'a self, payload: &'a serde_json::Value) -> BoxFuture<'a, anyhow::Result<()>>;
}
