//! Job queue (work in progress in this commit).

use futures_util::future::BoxFuture;

/// Runs jobs of one kind.
pub trait JobHandler: Send + Sync + 'static {
    /// The job kind, e.g. `identity.send_email`.
    fn kind(&self) -> &'static str;
    /// Runs one job.
    fn run<'a>(&'a self, payload: &'a serde_json::Value) -> BoxFuture<'a, anyhow::Result<()>>;
}

/// A job fired once per period across all nodes.
#[derive(Debug, Clone)]
pub struct Recurring {
    /// Unique name.
    pub name: &'static str,
}
